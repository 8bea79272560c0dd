#include "content/loading/content_loader_fixture_test.hpp"
#include "content/loading/content_statistics.hpp"

namespace numeria::content {
namespace {

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

    EXPECT_TRUE(has_error(load_content(m_root), "sans solution", 16)); // the challenge's "- id:" line
}

TEST_F(ContentLoaderTest, ReportsAQcuWithTwoRightAnswers) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\", \"C\"]\n"
               "            solution: [1, 2]\n");

    EXPECT_TRUE(has_error(load_content(m_root), "une seule bonne réponse", 20));
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
    // Line 4 opens a second mapping on the same indentation as a sequence item: the parser stops there.
    write("competences/1.1.yaml", "competence: \"1.1\"\ntubes:\n  - name: \"@essai\"\n title: \"T\"\n");

    LoadResult result = load_content(m_root);

    ASSERT_FALSE(result.errors.empty());
    EXPECT_TRUE(has_error(result, "YAML invalide", 4)) << result.errors.front().line;
}

TEST_F(ContentLoaderTest, ReportsASkillWhoseLevelIsOutOfRange) {
    write("competences/1.1.yaml", "competence: \"1.1\"\ntubes:\n  - name: \"@essai\"\n    title: \"T\"\n"
                                  "    description: \"D\"\n    skills:\n      - name: \"@essai9\"\n");

    EXPECT_TRUE(has_error(load_content(m_root), "niveau de 1 à 8"));
}

// Rule: docs/rules/content.md "Pix values": pix value = 8 ÷ skills of that level in the
// competence, capped at 4.
TEST_F(ContentLoaderTest, DividesEightPixAmongTheSkillsOfALevelAndCapsAtFour) {
    auto tube = [](const std::string& name, std::initializer_list<int> levels) {
        std::string text = "  - name: \"@" + name + "\"\n    title: \"T\"\n    description: \"D\"\n    skills:\n";
        for (int level : levels)
            text += "      - name: \"@" + name + std::to_string(level) + "\"\n        challenges:\n          - id: \"" +
                    name + std::to_string(level) +
                    "\"\n            type: QCU\n            statement: \"Q ?\"\n"
                    "            proposals: [\"Oui\", \"Non\"]\n            solution: 1\n";
        return text;
    };
    write("competences/1.1.yaml",
          "competence: \"1.1\"\ntubes:\n" + tube("aa", {1, 2}) + tube("bb", {1, 2}) + tube("cc", {1, 3}));

    LoadResult result = load_content(m_root);

    ASSERT_TRUE(result.errors.empty()) << result.errors.front().reason;
    EXPECT_NEAR(result.content.tubes.at("@aa").skills[0].pix_value, 8.0 / 3, 1e-9); // 3 skills of level 1
    EXPECT_EQ(result.content.tubes.at("@aa").skills[1].pix_value, 4.0);             // 2 skills of level 2
    EXPECT_EQ(result.content.tubes.at("@cc").skills[1].pix_value, 4.0);             // 1 of level 3: 8, capped
}

TEST_F(ContentLoaderTest, DerivesProvisionalIrtParametersFromTheLevel) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\"]\n"
               "            solution: 1\n"
               "          - id: \"1.1-essai2-b\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\"]\n"
               "            solution: 2\n"
               "            irt: {a: 1.3, b: 0.5}\n");

    LoadResult result = load_content(m_root);

    ASSERT_TRUE(result.errors.empty()) << result.errors.front().reason;
    const Challenge& provisional = result.content.challenges.at("1.1-essai2-a");
    EXPECT_EQ(provisional.irt_a, 1.0);
    EXPECT_NEAR(provisional.irt_b, (2 - 3.5) * 0.8, 1e-9); // level 2
    EXPECT_FALSE(provisional.calibrated);
    EXPECT_NEAR(result.content.challenges.at("1.1-essai1-a").irt_b, (1 - 3.5) * 0.8, 1e-9);
    const Challenge& calibrated = result.content.challenges.at("1.1-essai2-b");
    EXPECT_EQ(calibrated.irt_a, 1.3);
    EXPECT_EQ(calibrated.irt_b, 0.5);
    EXPECT_TRUE(calibrated.calibrated);
}

} // namespace
} // namespace numeria::content

namespace numeria::content {
namespace {

// The repository's own content/ must load without error, every challenge's own solution must be
// accepted by the answer checker, and the bank must meet every minimum (docs/rules/content.md
// "Bank minimums").
TEST(RealContent, LoadsWithoutErrorsMeetsTheMinimumsAndEverySolutionIsAccepted) {
    LoadResult loaded = load_content(std::filesystem::path(NUMERIA_SOURCE_DIR) / "content");

    for (const LoadError& error : loaded.errors)
        ADD_FAILURE() << error.file << ":" << error.line << ": " << error.reason;
    EXPECT_EQ(self_check_solutions(loaded.content), std::vector<std::string>{});
    EXPECT_EQ(unmet_minimums(loaded.content, count_content(loaded.content)), std::vector<std::string>{});
    EXPECT_EQ(loaded.content.competences.size(), 16U);
}

} // namespace
} // namespace numeria::content
