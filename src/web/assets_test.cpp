#include "web/assets.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>

namespace numeria::web {
namespace {

TEST(SafeRelativePath, AcceptsOrdinaryNestedFiles) {
    EXPECT_TRUE(is_safe_relative_path("fonts/Marianne-Regular.woff2"));
}

TEST(SafeRelativePath, RefusesParentHiddenEmptyAndBackslashSegments) {
    for (const char* path : {"", "../x", "a/../../x", ".env", "a/.git/config", "a//b", "/etc/passwd", "a\\..\\b"})
        EXPECT_FALSE(is_safe_relative_path(path)) << path;
}

TEST(ContentType, KnowsTheTypesTheUiServes) {
    EXPECT_EQ(content_type_for("a/dsfr.min.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("x.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
}

class AssetsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        m_root = std::filesystem::temp_directory_path() / ("numeria-assets-" + std::to_string(::getpid()));
        std::filesystem::create_directories(m_root / "css");
        std::ofstream(m_root / "css" / "a.css") << "body{}";
        std::ofstream(m_root.parent_path() / "outside-secret.txt") << "secret";
        std::filesystem::create_symlink(m_root.parent_path() / "outside-secret.txt", m_root / "link.txt");
        m_assets.mount("app", m_root);
    }
    void TearDown() override {
        std::filesystem::remove_all(m_root);
        std::filesystem::remove(m_root.parent_path() / "outside-secret.txt");
    }

    std::filesystem::path m_root;
    Assets m_assets;
};

TEST_F(AssetsTest, ServesAFileUnderItsHashedUrl) {
    std::string url = m_assets.url("app", "css/a.css");
    std::string segment = url.substr(std::string("/assets/").size(), url.find('/', 8) - 8);
    bool current = false;

    auto asset = m_assets.find(segment, "css/a.css", current);

    ASSERT_NE(asset, nullptr);
    EXPECT_TRUE(current);
    EXPECT_EQ(asset->content, "body{}");
    EXPECT_EQ(asset->etag.front(), '"');
}

TEST_F(AssetsTest, RefusesASymlinkLeadingOutsideTheMount) {
    bool current = false;

    EXPECT_EQ(m_assets.find("app", "link.txt", current), nullptr);
}

TEST_F(AssetsTest, ReportsAStaleHashAsNotCurrent) {
    bool current = true;

    auto asset = m_assets.find("app-0000000000", "css/a.css", current);

    ASSERT_NE(asset, nullptr);
    EXPECT_FALSE(current);
}

} // namespace
} // namespace numeria::web
