#include "web/assets.hpp"
#include "web/dsfr_bundle.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace numeria::web {
namespace {

TEST(RebaseCssUrls, PointsRelativeUrlsUnderTheDsfrPrefix) {
    const std::string css = "@font-face{src:url(../fonts/M.woff2) format(\"woff2\")}"
                            ".a:before{mask-image:url(\"../../icons/system/close-line.svg\")}";

    EXPECT_EQ(rebase_css_urls(css, "component/alert", "/assets/dsfr-1a2b"),
              "@font-face{src:url(/assets/dsfr-1a2b/component/fonts/M.woff2) format(\"woff2\")}"
              ".a:before{mask-image:url(\"/assets/dsfr-1a2b/icons/system/close-line.svg\")}");
    EXPECT_EQ(rebase_css_urls("a{src:url(../fonts/M.woff2)}", "core", "/p"), "a{src:url(/p/fonts/M.woff2)}");
}

TEST(RebaseCssUrls, LeavesDataAndAbsoluteUrlsAlone) {
    const std::string css = "a{b:url(\"data:image/svg+xml;charset=utf-8,%3Csvg d='m1 (2)'/%3E\")}"
                            "c{d:url(/x.svg)}e{f:url(#g)}h{i:url(https://example.org/j.svg)}";

    EXPECT_EQ(rebase_css_urls(css, "component/checkbox", "/p"), css);
}

TEST(KeepIconRules, KeepsOnlyTheSelectorsOfTheListedIcons) {
    const std::string css = "/*!\n * licence\n */"
                            ".fr-icon-a-line:after,.fr-icon-a-line:before{mask-image:url(a.svg)}"
                            ".fr-icon-a-line-b:after,.fr-icon-c-line:before{mask-image:url(c.svg)}"
                            ".fr-icon-d-line:before{mask-image:url(d.svg)}"
                            "@media (min-width:36em){/*! media sm */}"
                            "@media (min-width:48em){.fr-icon-a-line:before,.fr-icon-d-line:after{x:y}}";

    EXPECT_EQ(keep_icon_rules(css, {"a-line", "c-line"}),
              ".fr-icon-a-line:after,.fr-icon-a-line:before{mask-image:url(a.svg)}"
              ".fr-icon-c-line:before{mask-image:url(c.svg)}"
              "@media (min-width:48em){.fr-icon-a-line:before{x:y}}");
}

class DsfrBundleTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dist = std::filesystem::temp_directory_path() / ("numeria-dsfr-" + std::to_string(::getpid()));
        write("core/core.main.min.css", "/*!\n * DSFR licence\n */.fr-core{src:url(../fonts/M.woff2)}");
        write("component/alert/alert.main.min.css", "/*!\n * DSFR licence\n */.fr-alert{x:y}");
        write("utility/icons/icons.main.min.css",
              ".fr-icon-a-line:before{mask-image:url(../../icons/x/a-line.svg)}.fr-icon-b-line:before{z:0}");
        write("core/core.module.min.js",
              "/*! DSFR licence */\nconst e=1;window.dsfr={e};\n//# sourceMappingURL=core.module.min.js.map\n");
        write("component/alert/alert.module.min.js", "/*! DSFR licence */\nconst e=window.dsfr;\n");
    }
    void TearDown() override { std::filesystem::remove_all(m_dist); }
    void write(const std::string& relative, const std::string& text) {
        std::filesystem::create_directories((m_dist / relative).parent_path());
        std::ofstream(m_dist / relative) << text;
    }

    std::filesystem::path m_dist;
    DsfrParts m_parts{{"core/core", "component/alert/alert"}, {"core/core", "component/alert/alert"}, {"a-line"}};
};

TEST_F(DsfrBundleTest, JoinsTheCssPartsInOrderWithTheListedIconsOnly) {
    auto bundle = build_dsfr_bundle(m_dist, m_parts, "/assets/dsfr-1");

    ASSERT_TRUE(bundle) << bundle.error().detail;
    EXPECT_EQ(bundle->css,
              "@charset \"UTF-8\";\n/*!\n * DSFR licence\n */\n.fr-core{src:url(/assets/dsfr-1/fonts/M.woff2)}"
              "\n.fr-alert{x:y}\n.fr-icon-a-line:before{mask-image:url(/assets/dsfr-1/icons/x/a-line.svg)}\n");
}

TEST_F(DsfrBundleTest, RunsEachScriptPartInItsOwnBlockWithoutSourceMaps) {
    auto bundle = build_dsfr_bundle(m_dist, m_parts, "/p");

    ASSERT_TRUE(bundle);
    EXPECT_EQ(bundle->js, "/*!\n * DSFR licence\n */\n{\nconst e=1;window.dsfr={e};\n}\n{\nconst e=window.dsfr;\n}\n");
}

TEST_F(DsfrBundleTest, AMissingPartIsAnError) {
    m_parts.css.push_back("component/modal/modal");

    auto bundle = build_dsfr_bundle(m_dist, m_parts, "/p");

    ASSERT_FALSE(bundle);
    EXPECT_EQ(bundle.error().reason, "dsfr.part_missing");
    EXPECT_NE(bundle.error().detail.find("component/modal/modal.min.css"), std::string::npos);
}

TEST_F(DsfrBundleTest, APartWithoutLegacyRulesIsReadFromItsMinFile) {
    write("scheme/scheme.min.css", ":root[data-fr-theme=dark]{--grey:#161616}");
    m_parts.css = {"scheme/scheme"};
    m_parts.icons.clear();

    auto bundle = build_dsfr_bundle(m_dist, m_parts, "/p");

    ASSERT_TRUE(bundle) << bundle.error().detail;
    EXPECT_EQ(bundle->css, "@charset \"UTF-8\";\n\n:root[data-fr-theme=dark]{--grey:#161616}\n");
}

// The DSFR package of the repository (node_modules, scripts/install_deps.sh).
const std::filesystem::path DSFR_DIST = std::filesystem::path(NUMERIA_SOURCE_DIR) / "node_modules/@gouvfr/dsfr/dist";

TEST(DsfrPartsOfThePages, EveryComponentWithAScriptBringsItsScript) {
    const DsfrParts& parts = dsfr_parts_of_the_pages();
    for (const std::string& part : parts.css) {
        const bool has_script = std::filesystem::exists(DSFR_DIST / (part + ".module.min.js"));
        const bool listed = std::find(parts.js.begin(), parts.js.end(), part) != parts.js.end();
        EXPECT_EQ(has_script, listed) << part;
    }
}

TEST(DsfrPartsOfThePages, AreAllInThePackage) {
    ASSERT_GE(sodium_init(), 0);
    Assets assets;
    assets.mount("dsfr", DSFR_DIST, DSFR_DIST.parent_path() / "package.json");

    auto bundle = build_dsfr_bundle(DSFR_DIST, dsfr_parts_of_the_pages(), assets.prefix("dsfr"));

    ASSERT_TRUE(bundle) << bundle.error().detail;
    EXPECT_NE(bundle->css.find(".fr-header__brand"), std::string::npos);
    EXPECT_EQ(bundle->css.find("../"), std::string::npos);
    EXPECT_NE(bundle->js.find("window.dsfr"), std::string::npos);
}

} // namespace
} // namespace numeria::web
