// The loader refuses what the format does not know (docs/content-format.md), with file and line:
// misspelt keys, keys of another type, values outside their list, solutions that cannot be judged.
#include "content/loading/content_loader_fixture_test.hpp"

namespace numeria::content {
namespace {

// A QROC under @essai2 whose challenge block starts at line 16; `extra` is added after its solution.
std::string qroc(const std::string& solution, const std::string& extra = "") {
    return "          - id: \"1.1-essai2-a\"\n"
           "            type: QROC\n"
           "            statement: \"Combien ?\"\n"
           "            solution: " +
           solution + "\n" + extra;
}

TEST_F(ContentLoaderTest, RefusesAMisspeltChallengeKeyWithItsLine) {
    competence(qroc("[\"42\"]", "            fromat: nombre\n"
                                "            timeur: 30\n"
                                "            tolerance: [t3]\n"));

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "clé inconnue « fromat »", 20));
    EXPECT_TRUE(has_error(result, "clé inconnue « timeur »", 21));
    EXPECT_TRUE(has_error(result, "clé inconnue « tolerance »", 22));
    EXPECT_EQ(result.errors.front().file, "competences/1.1.yaml");
}

TEST_F(ContentLoaderTest, RefusesAnUnknownFormatValueWithItsLine) {
    competence(qroc("[\"42\"]", "            format: nombres\n"));

    EXPECT_TRUE(has_error(load_content(m_root), "valeur inconnue « nombres » (texte, nombre)", 20));
}

TEST_F(ContentLoaderTest, RefusesAKeyThatDoesNotApplyToTheType) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals: [\"A\", \"B\"]\n"
               "            solution: 1\n"
               "            format: nombre\n");

    EXPECT_TRUE(has_error(load_content(m_root), "« format » ne s'applique pas à un QCU", 21));
}

TEST_F(ContentLoaderTest, RefusesTwiceTheSameProposal) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QCU\n"
               "            statement: \"Question ?\"\n"
               "            proposals:\n"
               "              - \"Oui\"\n"
               "              - \"Oui\"\n"
               "            solution: 1\n");

    EXPECT_TRUE(has_error(load_content(m_root), "proposition « Oui » en double", 21));
}

TEST_F(ContentLoaderTest, RefusesADuplicateKey) {
    competence(qroc("[\"42\"]", "            solution: [\"43\"]\n"));

    EXPECT_TRUE(has_error(load_content(m_root), "clé « solution » en double", 20));
}

TEST_F(ContentLoaderTest, RefusesAnUnknownKeyInATubeASkillAndNestedBlocks) {
    write("competences/1.1.yaml", "competence: \"1.1\"\n"
                                  "tubes:\n"
                                  "  - name: \"@essai\"\n"
                                  "    titre: \"Essai\"\n"
                                  "    description: \"D\"\n"
                                  "    skills:\n"
                                  "      - name: \"@essai1\"\n"
                                  "        niveau: 1\n"
                                  "        challenges:\n"
                                  "          - id: \"1.1-essai1-a\"\n"
                                  "            type: QCU\n"
                                  "            statement: \"Q ?\"\n"
                                  "            proposals: [\"A\", \"B\"]\n"
                                  "            solution: 1\n"
                                  "            accessibility: {blind: oui, colour_blind: false}\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "sujet : clé inconnue « titre »", 4));
    EXPECT_TRUE(has_error(result, "acquis : clé inconnue « niveau »", 8));
    EXPECT_TRUE(has_error(result, "clé inconnue « colour_blind »", 15));
    EXPECT_TRUE(has_error(result, "true ou false attendu, pas « oui »", 15));
}

TEST_F(ContentLoaderTest, RefusesAnUnknownKeyOrCategoryInAProfile) {
    competence(qroc("[\"42\"]"));
    write("target-profiles/rentree-6e.yaml", "id: rentree-6e\nname: \"P\"\ncategory: RENTRÉE\ndescription: \"D\"\n"
                                             "tubes:\n  - {tube: \"@essai\", niveau: 2}\n"
                                             "stages:\n  - {threshold: 0, title: \"T\", texte: \"M\"}\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "catégorie inconnue « RENTRÉE »", 3));
    EXPECT_TRUE(has_error(result, "clé inconnue « niveau »", 6));
    EXPECT_TRUE(has_error(result, "clé inconnue « texte »", 8));
}

TEST_F(ContentLoaderTest, RefusesAnUnknownKeyOrFormatInATutorial) {
    competence(qroc("[\"42\"]"));
    write("tutorials/1.1.yaml", "competence: \"1.1\"\ntutorials:\n  - id: \"t\"\n    tube: \"@essai\"\n"
                                "    title: \"T\"\n    source: \"S\"\n    format: \"video\"\n"
                                "    duration: \"4 min\"\n    url: \"https://exemple.fr\"\n    langue: fr\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "valeur inconnue « video »", 7));
    EXPECT_TRUE(has_error(result, "HH:MM:SS", 8));
    EXPECT_TRUE(has_error(result, "clé inconnue « langue »", 10));
}

// The audit's case (3.1-ecritureTypographie2-b): with t2 on, a variant of punctuation only would
// be empty and accept any punctuation typed.
TEST_F(ContentLoaderTest, RefusesAVariantEmptyAfterItsTreatments) {
    competence(qroc("[\"ok\", \"?!\"]"));

    EXPECT_TRUE(has_error(load_content(m_root), "la variante « ?! » est vide une fois les tolérances appliquées", 19));
}

TEST_F(ContentLoaderTest, KeepsAnAccentedVariantWithT1Off) {
    competence(qroc("[\"É\"]", "            tolerances: [t1, t3]\n"));

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(result.errors.empty()) << result.errors.front().reason;
}

TEST_F(ContentLoaderTest, RefusesANumericVariantThatIsNoNumber) {
    competence(qroc("[\"42\", \"quarante-deux\"]", "            format: nombre\n"));

    EXPECT_TRUE(has_error(load_content(m_root), "« quarante-deux » n'est pas un nombre", 19));
}

TEST_F(ContentLoaderTest, ReadsAFormatPerFieldOfAQrocmInd) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QROCM-ind\n"
               "            statement: \"Prix et unité ?\"\n"
               "            fields:\n"
               "              - {key: prix, label: \"Prix\", format: nombre}\n"
               "              - {key: unite, label: \"Unité\"}\n"
               "            solution: {prix: [\"5.5\"], unite: [\"euros\"]}\n");

    LoadResult result = load_content(m_root);

    ASSERT_TRUE(result.errors.empty()) << result.errors.front().reason;
    const Challenge& challenge = result.content.challenges.at("1.1-essai2-a");
    EXPECT_TRUE(challenge.by_field.at("prix").numeric);
    EXPECT_FALSE(challenge.by_field.at("unite").numeric);
    EXPECT_EQ(check_qrocm_ind({{"prix", "5,50"}, {"unite", "euros"}}, challenge.by_field).verdict, Verdict::Ok);
}

TEST_F(ContentLoaderTest, ReadsANumericQrocmDepAndRefusesMixedFormats) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QROCM-dep\n"
               "            statement: \"Deux prix ?\"\n"
               "            fields:\n"
               "              - {key: a, label: \"Premier\", format: nombre}\n"
               "              - {key: b, label: \"Second\", format: nombre}\n"
               "            solution: [[\"5.5\"], [\"2\"]]\n"
               "          - id: \"1.1-essai2-b\"\n"
               "            type: QROCM-dep\n"
               "            statement: \"Deux prix ?\"\n"
               "            fields:\n"
               "              - {key: a, label: \"Premier\", format: nombre}\n"
               "              - {key: b, label: \"Second\"}\n"
               "            solution: [[\"5.5\"], [\"2\"]]\n");

    LoadResult result = load_content(m_root);

    EXPECT_TRUE(has_error(result, "tous les champs ont le même format", 28));
    ASSERT_EQ(result.errors.size(), 1U) << result.errors.front().reason;
    const Challenge& numeric = result.content.challenges.at("1.1-essai2-a");
    EXPECT_EQ(check_qrocm_dep({"2,0", "5,50"}, numeric.groups), Verdict::Ok);
}

TEST_F(ContentLoaderTest, RefusesAChallengeLevelFormatOnAQrocm) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QROCM-ind\n"
               "            statement: \"Prix ?\"\n"
               "            format: nombre\n"
               "            fields: [{key: prix, label: \"Prix\"}]\n"
               "            solution: {prix: [\"5.5\"]}\n");

    EXPECT_TRUE(has_error(load_content(m_root), "« format » se donne pour chaque champ", 19));
}

TEST_F(ContentLoaderTest, RefusesASolutionKeyWithoutAField) {
    competence("          - id: \"1.1-essai2-a\"\n"
               "            type: QROCM-ind\n"
               "            statement: \"Prix ?\"\n"
               "            fields: [{key: prix, label: \"Prix\"}]\n"
               "            solution: {prix: [\"5.5\"], pirx: [\"6\"]}\n");

    EXPECT_TRUE(has_error(load_content(m_root), "clé « pirx » sans champ", 20));
}

} // namespace
} // namespace numeria::content
