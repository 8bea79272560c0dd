#include "content/answer_checking/answer_checking.hpp"

#include <gtest/gtest.h>

namespace numeria::content {
namespace {

FreeSolution variants(std::vector<std::string> accepted, Tolerances tolerances = {}) {
    return FreeSolution{std::move(accepted), tolerances, false};
}

TEST(CheckQcu, RightOnlyForTheSolution) {
    EXPECT_EQ(check_qcu(2, 2), Verdict::Ok);
    EXPECT_EQ(check_qcu(3, 2), Verdict::Ko);
}

TEST(CheckQcu, NothingChosenIsWrongUnlessSkipped) {
    EXPECT_EQ(check_qcu(std::nullopt, 2), Verdict::Ko);
    EXPECT_EQ(check_qcu(std::nullopt, 2, true), Verdict::Skipped);
}

TEST(CheckQcu, SkippingWinsOverAChoice) {
    EXPECT_EQ(check_qcu(2, 2, true), Verdict::Skipped);
}

TEST(CheckQcm, ComparesSetsWhateverTheOrder) {
    EXPECT_EQ(check_qcm({3, 1}, {1, 3}), Verdict::Ok);
}

TEST(CheckQcm, APartialOrExtraChoiceIsWrong) {
    EXPECT_EQ(check_qcm({1}, {1, 3}), Verdict::Ko);
    EXPECT_EQ(check_qcm({1, 2, 3}, {1, 3}), Verdict::Ko);
}

TEST(CheckQcm, NothingChosenIsWrongUnlessSkipped) {
    EXPECT_EQ(check_qcm({}, {1, 3}), Verdict::Ko);
}

TEST(CheckQcm, SkippingIsSkipped) {
    EXPECT_EQ(check_qcm({}, {1, 3}, true), Verdict::Skipped);
    EXPECT_EQ(check_qcm({1, 3}, {1, 3}, true), Verdict::Skipped);
}

TEST(CheckQroc, AcceptsAnyVariant) {
    EXPECT_EQ(check_qroc("navigateur", variants({"moteur de recherche", "navigateur"})), Verdict::Ok);
}

TEST(CheckQroc, IgnoresCaseAccentsAndSpacesWithT1) {
    EXPECT_EQ(check_qroc("  TABLEUR ", variants({"tableur"})), Verdict::Ok);
    EXPECT_EQ(check_qroc("Eleve", variants({"élève"})), Verdict::Ok);
    EXPECT_EQ(check_qroc("mot de passe", variants({"motdepasse"})), Verdict::Ok);
}

TEST(CheckQroc, AccentsMatterWhenT1IsOff) {
    Tolerances strict{false, true, false};

    EXPECT_EQ(check_qroc("eleve", variants({"élève"}, strict)), Verdict::Ko);
    EXPECT_EQ(check_qroc("élève", variants({"élève"}, strict)), Verdict::Ok);
}

TEST(CheckQroc, SpacesInsideTheAnswerMatterWhenT1IsOff) {
    Tolerances strict{false, true, false};

    EXPECT_EQ(check_qroc("motdepasse", variants({"mot de passe"}, strict)), Verdict::Ko);
    EXPECT_EQ(check_qroc("mot  de passe", variants({"mot de passe"}, strict)), Verdict::Ko);
}

TEST(CheckQroc, SpacesAroundTheAnswerNeverMatter) {
    Tolerances strict{false, false, false};

    EXPECT_EQ(check_qroc(" \xC3\x89 ", variants({"\xC3\x89"}, strict)), Verdict::Ok);
}

// Content 3.1-ecritureTypographie2-b: t1 off, t2 on, the capital É is the answer.
TEST(CheckQroc, KeepsAccentedLettersWithT2AloneAndRefusesOtherLetters) {
    Tolerances t2_only{false, true, false};

    EXPECT_EQ(check_qroc("É", variants({"É"}, t2_only)), Verdict::Ok);
    EXPECT_EQ(check_qroc("E", variants({"É"}, t2_only)), Verdict::Ko);
    EXPECT_EQ(check_qroc("é", variants({"É"}, t2_only)), Verdict::Ko);
    EXPECT_EQ(check_qroc("Ç", variants({"É"}, t2_only)), Verdict::Ko);
}

TEST(CheckQroc, RefusesAPunctuationOnlyAnswer) {
    EXPECT_EQ(check_qroc("?!", variants({"É"}, {false, true, false})), Verdict::Ko);
    EXPECT_EQ(check_qroc("...", variants({"tableur"})), Verdict::Ko);
}

TEST(CheckQroc, ComposesADecomposedAccentBeforeComparing) {
    Tolerances strict{false, false, false};
    const std::string decomposed = "e\xCC\x81"
                                   "cole"; // "e" + U+0301 COMBINING ACUTE ACCENT

    EXPECT_EQ(check_qroc(decomposed, variants({"école"}, strict)), Verdict::Ok);
}

TEST(CheckQroc, CaseMattersWhenT1IsOff) {
    Tolerances strict{false, true, false};

    EXPECT_EQ(check_qroc("Tableur", variants({"tableur"}, strict)), Verdict::Ko);
}

TEST(CheckQroc, IgnoresPunctuationWithT2) {
    EXPECT_EQ(check_qroc("Ctrl+C", variants({"ctrl c"}, {true, true, false})), Verdict::Ok);
}

TEST(CheckQroc, PunctuationMattersWhenT2IsOff) {
    Tolerances keep_punctuation{true, false, false};

    EXPECT_EQ(check_qroc("exemple.fr", variants({"exemple-fr"}, keep_punctuation)), Verdict::Ko);
    EXPECT_EQ(check_qroc("Exemple.fr", variants({"exemple.fr"}, keep_punctuation)), Verdict::Ok);
}

TEST(CheckQroc, AcceptsANearMissAtTheQuarterRatio) {
    // "ordinateur": 10 letters; 2 edits = 0.20, accepted.
    EXPECT_EQ(check_qroc("ordinatuer", variants({"ordinateur"})), Verdict::Ok);
    // "photo": 5 letters; 1 edit = 0.20, accepted.
    EXPECT_EQ(check_qroc("fhoto", variants({"photo"})), Verdict::Ok);
    // "clef": 4 letters; "clés" is "cles" after t1, 1 edit = 0.25 exactly, accepted.
    EXPECT_EQ(check_qroc("clés", variants({"clef"})), Verdict::Ok);
}

TEST(CheckQroc, RefusesANearMissAboveTheQuarterRatio) {
    // "wifi": 4 letters; "wiki" is 1 edit = 0.25 (accepted), "wika" 2 edits = 0.5 (refused).
    EXPECT_EQ(check_qroc("wiki", variants({"wifi"})), Verdict::Ok);
    EXPECT_EQ(check_qroc("wika", variants({"wifi"})), Verdict::Ko);
    // "courriel": 8 letters; "courir" needs 3 edits = 0.375, refused; "couriez" needs 2 = 0.25, accepted.
    EXPECT_EQ(check_qroc("courir", variants({"courriel"})), Verdict::Ko);
    EXPECT_EQ(check_qroc("couriez", variants({"courriel"})), Verdict::Ok);
}

TEST(CheckQroc, RefusesANearMissJustAboveTheQuarterRatio) {
    // "adresse électronique" is 19 letters after t1/t2: 5 substitutions = 0.263, refused.
    EXPECT_EQ(check_qroc("zdrezseezectzonizue", variants({"adresse électronique"})), Verdict::Ko);
    EXPECT_EQ(check_qroc("zdrezseezectzonique", variants({"adresse électronique"})), Verdict::Ok); // 4/19
}

TEST(CheckQroc, AcceptsANearMissAtExactlyTheQuarterRatio) {
    // "système d'exploitation" is 20 letters after t1/t2: 5 substitutions = 0.25 exactly, accepted.
    EXPECT_EQ(check_qroc("zystzmedzxplzitazion", variants({"système d'exploitation"})), Verdict::Ok);
}

TEST(CheckQroc, NoNearMissWhenT3IsOff) {
    EXPECT_EQ(check_qroc("ordinatuer", variants({"ordinateur"}, {true, true, false})), Verdict::Ko);
}

TEST(CheckQroc, ComparesNumbersWithCommaOrPoint) {
    FreeSolution number{{"3.5"}, {}, true};

    EXPECT_EQ(check_qroc("3,5", number), Verdict::Ok);
    EXPECT_EQ(check_qroc("3.50", number), Verdict::Ok);
    EXPECT_EQ(check_qroc("3,6", number), Verdict::Ko);
    EXPECT_EQ(check_qroc("trois et demi", number), Verdict::Ko);
}

TEST(CheckQroc, ComparesTheVariant35WithTheAnswer35InBothNotations) {
    EXPECT_EQ(check_qroc("3.5", FreeSolution{{"3,5"}, {}, true}), Verdict::Ok);
    EXPECT_EQ(check_qroc("3,5", FreeSolution{{"3.5"}, {}, true}), Verdict::Ok);
}

TEST(CheckQroc, ReadsNoBreakSpacesAsThousandsSeparators) {
    FreeSolution number{{"1024"}, {}, true};

    EXPECT_EQ(check_qroc("1\xC2\xA0"
                         "024",
                         number),
              Verdict::Ok); // U+00A0 NO-BREAK SPACE
    EXPECT_EQ(check_qroc("1\xE2\x80\xAF"
                         "024",
                         number),
              Verdict::Ok); // U+202F NARROW NO-BREAK SPACE
    EXPECT_EQ(check_qroc("1 024", number), Verdict::Ok);
}

TEST(CheckQroc, AnEmptyAnswerIsWrongButSkippingIsSkipped) {
    EXPECT_EQ(check_qroc("   ", variants({"tableur"})), Verdict::Ko);
    EXPECT_EQ(check_qroc("", variants({"tableur"}), true), Verdict::Skipped);
}

TEST(CheckQrocmInd, JudgesEachFieldAndReportsThem) {
    std::map<std::string, FreeSolution> solution = {{"extension", variants({"csv"}, {true, true, false})},
                                                    {"logiciel", variants({"tableur"})}};

    FieldsVerdict result = check_qrocm_ind({{"extension", ".CSV"}, {"logiciel", "traitement de texte"}}, solution);

    EXPECT_EQ(result.verdict, Verdict::Ko);
    EXPECT_TRUE(result.fields.at("extension"));
    EXPECT_FALSE(result.fields.at("logiciel"));
}

TEST(CheckQrocmInd, RightWhenEveryFieldIs) {
    std::map<std::string, FreeSolution> solution = {{"a", variants({"octet"})}, {"b", variants({"bit"})}};

    EXPECT_EQ(check_qrocm_ind({{"a", "Octet"}, {"b", "bit"}}, solution).verdict, Verdict::Ok);
}

TEST(CheckQrocmInd, AMissingFieldIsWrongAndReportedAsSuch) {
    std::map<std::string, FreeSolution> solution = {{"a", variants({"octet"})}, {"b", variants({"bit"})}};

    FieldsVerdict result = check_qrocm_ind({{"a", "octet"}}, solution);

    EXPECT_EQ(result.verdict, Verdict::Ko);
    EXPECT_TRUE(result.fields.at("a"));
    EXPECT_FALSE(result.fields.at("b"));
}

TEST(CheckQrocmInd, ComparesANumericFieldAsANumber) {
    std::map<std::string, FreeSolution> solution = {{"prix", FreeSolution{{"5.5"}, {}, true}},
                                                    {"unite", variants({"euros"})}};

    EXPECT_EQ(check_qrocm_ind({{"prix", "5,50"}, {"unite", "euros"}}, solution).verdict, Verdict::Ok);
}

TEST(CheckQrocmInd, SkippingIsSkipped) {
    std::map<std::string, FreeSolution> solution = {{"a", variants({"octet"})}};

    EXPECT_EQ(check_qrocm_ind({{"a", "octet"}}, solution, true).verdict, Verdict::Skipped);
}

TEST(CheckQrocmDep, SkippingIsSkipped) {
    std::vector<FreeSolution> groups = {variants({"png"}), variants({"gif"})};

    EXPECT_EQ(check_qrocm_dep({"png", "gif"}, groups, true), Verdict::Skipped);
}

TEST(CheckQrocmDep, ComparesNumericGroupsAsNumbers) {
    std::vector<FreeSolution> groups = {FreeSolution{{"5.5"}, {}, true}, FreeSolution{{"2"}, {}, true}};

    EXPECT_EQ(check_qrocm_dep({"2,0", "5,50"}, groups), Verdict::Ok);
}

TEST(CheckQrocmDep, AcceptsGroupsInAnyOrder) {
    std::vector<FreeSolution> groups = {variants({"png"}), variants({"jpg", "jpeg"}), variants({"gif"})};

    EXPECT_EQ(check_qrocm_dep({"GIF", "jpeg"}, groups), Verdict::Ok);
}

TEST(CheckQrocmDep, UsesEachGroupOnce) {
    std::vector<FreeSolution> groups = {variants({"png"}), variants({"jpg", "jpeg"}), variants({"gif"})};

    EXPECT_EQ(check_qrocm_dep({"jpg", "jpeg"}, groups), Verdict::Ko);
}

TEST(CheckQrocmDep, CountsTheSameAnswerTypedTwiceOnce) {
    // With t3, "date de naissance" is within 0.25 of both groups.
    std::vector<FreeSolution> groups = {variants({"date de naissance"}), variants({"ville de naissance"})};

    EXPECT_EQ(check_qrocm_dep({"date de naissance", "Date de  naissance"}, groups), Verdict::Ko);
}

TEST(CheckQrocmDep, TellsApartAnswersThatDifferOnlyByPunctuation) {
    Tolerances keep_punctuation{true, false, false};
    std::vector<FreeSolution> groups = {variants({"!"}, keep_punctuation), variants({":"}, keep_punctuation)};

    EXPECT_EQ(check_qrocm_dep({"!", ":"}, groups), Verdict::Ok);
}

TEST(CheckQrocmDep, DoesNotLetOneAnswerBlockAnother) {
    // "ordi" matches both groups by t3; a first-fit would give it the first and refuse "pc".
    std::vector<FreeSolution> groups = {variants({"ordi", "pc"}), variants({"ordi"})};

    EXPECT_EQ(check_qrocm_dep({"ordi", "pc"}, groups), Verdict::Ok);
}

TEST(CheckQrocmDep, AWrongFieldMakesItWrong) {
    std::vector<FreeSolution> groups = {variants({"firefox"}), variants({"chromium"}), variants({"safari"})};

    EXPECT_EQ(check_qrocm_dep({"firefox", "tableur"}, groups), Verdict::Ko);
}

} // namespace
} // namespace numeria::content
