#include "content/loading/content_loader.hpp"
#include "content/loading/content_statistics.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace numeria::content {
namespace {

namespace fs = std::filesystem;

// A content folder with the real framework and one competence file written by each test.
class ContentLoaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_root = fs::temp_directory_path() / ("numeria-content-" + std::to_string(::getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_root);
        fs::create_directories(m_root / "competences");
        fs::create_directories(m_root / "tutorials");
        fs::create_directories(m_root / "target-profiles");
        fs::create_directories(m_root / "assets");
        fs::copy_file(fs::path(NUMERIA_SOURCE_DIR) / "content/framework.yaml", m_root / "framework.yaml");
    }
    void TearDown() override { fs::remove_all(m_root); }

    void write(const std::string& relative, const std::string& text) { std::ofstream(m_root / relative) << text; }

    // One tube, two skills, one challenge of each kind given by `challenges` under @essai2.
    void competence(const std::string& challenges) {
        write("competences/1.1.yaml", "competence: \"1.1\"\n"
                                      "tubes:\n"
                                      "  - name: \"@essai\"\n"
                                      "    title: \"Essai\"\n"
                                      "    description: \"Un sujet d'essai.\"\n"
                                      "    skills:\n"
                                      "      - name: \"@essai1\"\n"
                                      "        challenges:\n"
                                      "          - id: \"1.1-essai1-a\"\n"
                                      "            type: QCU\n"
                                      "            statement: \"Question ?\"\n"
                                      "            proposals: [\"Oui\", \"Non\"]\n"
                                      "            solution: 1\n"
                                      "      - name: \"@essai2\"\n"
                                      "        challenges:\n" +
                                          challenges);
    }

    bool has_error(const LoadResult& result, const std::string& fragment, int line = -1) {
        for (const LoadError& error : result.errors)
            if (error.reason.find(fragment) != std::string::npos && (line < 0 || error.line == line))
                return true;
        return false;
    }

    fs::path m_root;
};

TEST_F(ContentLoaderTest, LoadsAValidCompetenceWithPixValues) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QROC\n"
               "            statement: \"Le nom ?\"\n"
               "            solution: [\"tableur\"]\n"
               "            tolerances: [t3]\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(result.errors.empty()) << result.errors.front().reason;
    EXPECT_EQ(result.content.competences.size(), 16U);
    const Tube& tube = result.content.tubes.at("@essai");
    EXPECT_EQ(tube.skills[1].level, 2);
    EXPECT_EQ(tube.skills[1].pix_value, 4.0); // 8 ÷ 1 skill of level 2, capped at 4
    EXPECT_FALSE(result.content.challenges.at("1.1-essai2-a").free_solution.tolerances.t3);
}

TEST_F(ContentLoaderTest, ReportsADuplicateIdWithItsLine) {
    competence("          - id: \"1.1-essai1-a\"\n"
               "            type: QCU\n"
               "            statement: \"Encore ?\"\n"
               "            proposals: [\"Oui\", \"Non\"]\n"
               "            solution: 2\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "en double", 16));
    EXPECT_EQ(result.errors.front().file, "competences/1.1.yaml");
}

TEST_F(ContentLoaderTest, ReportsAMissingSolution) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QROC\n"
               "            statement: \"Le nom ?\"\n");

    EXPECT_TRUE(has_error(load_content(m_root), "sans solution"));
}

TEST_F(ContentLoaderTest, ReportsAQcuWithTwoRightAnswers) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\", \"C\"]\n"
               "            solution: [1, 2]\n");

    EXPECT_TRUE(has_error(load_content(m_root), "une seule bonne réponse"));
}

TEST_F(ContentLoaderTest, ReportsAProposalOutOfRange) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCM\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\"]\n"
               "            solution: [1, 3]\n");

    EXPECT_TRUE(has_error(load_content(m_root), "proposition 3 inexistante"));
}

TEST_F(ContentLoaderTest, ReportsQrocmDepWithFewerGroupsThanFields) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QROCM-dep\n"
               "            statement: \"Deux formats ?\"\n"
               "            fields: [{key: a, label: \"Premier\"}, {key: b, label: \"Second\"}]\n"
               "            solution: [[\"png\"]]\n");

    EXPECT_TRUE(has_error(load_content(m_root), "autant de groupes que de champs"));
}

TEST_F(ContentLoaderTest, ReportsAMissingAssetAndAMissingAltText) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\"]\n"
               "            solution: 1\n"
               "            illustration: {file: \"assets/absente.svg\"}\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "fichier introuvable"));
    EXPECT_TRUE(has_error(result, "sans « alt »"));
}

TEST_F(ContentLoaderTest, ReportsAnUnknownTubeInAProfile) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\"]\n"
               "            solution: 1\n");
    write("target-profiles/rentree-6e.yaml", "id: rentree-6e\nname: \"Parcours\"\ncategory: RENTREE\n"
                                             "description: \"D\"\ntubes:\n  - {tube: \"@inconnu\", level: 2}\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "sujet inconnu « @inconnu »", 6));
}

TEST_F(ContentLoaderTest, ReportsBrokenYamlWithItsLine) {
    write("competences/1.1.yaml", "competence: \"1.1\"\ntubes: [\n  - oops: {\n");

    LoadResult result = load_content(m_root);

    ASSERT_FALSE(result.errors.empty());
    EXPECT_TRUE(has_error(result, "YAML invalide"));
}

TEST_F(ContentLoaderTest, ReportsASkillWhoseLevelIsOutOfRange) {
    write("competences/1.1.yaml", "competence: \"1.1\"\ntubes:\n  - name: \"@essai\"\n    title: \"T\"\n"
                                  "    description: \"D\"\n    skills:\n      - name: \"@essai9\"\n");

    EXPECT_TRUE(has_error(load_content(m_root), "niveau de 1 à 8"));
}

} // namespace
} // namespace numeria::content

namespace numeria::content {
namespace {

// The repository's own content/ must always load without error, and every challenge's own solution
// must be accepted by the answer checker (the bank may still be below its minimums while it grows).
TEST(RealContent, LoadsWithoutErrorsAndEverySolutionIsAccepted) {
    LoadResult loaded = load_content(std::filesystem::path(NUMERIA_SOURCE_DIR) / "content");

    for (const LoadError& error : loaded.errors)
        ADD_FAILURE() << error.file << ":" << error.line << ": " << error.reason;
    EXPECT_EQ(self_check_solutions(loaded.content), std::vector<std::string>{});
    EXPECT_EQ(loaded.content.competences.size(), 16U);
}

} // namespace
} // namespace numeria::content
