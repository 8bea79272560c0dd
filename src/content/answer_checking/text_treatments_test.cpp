#include "content/answer_checking/text_treatments.hpp"

#include <gtest/gtest.h>

namespace numeria::content {
namespace {

TEST(PreTreatment, ComposesDecomposedAccentsAndReplacesNonBreakingSpaces) {
    EXPECT_EQ(pre_treat("e\xCC\x81t\xC3\xA9\xC2\xA0"
                        "2024"),
              "été 2024");
}

TEST(PreTreatment, TrimsSpacesAroundTheAnswer) {
    EXPECT_EQ(pre_treat(" \xC3\x89\xC2\xA0\t"), "\xC3\x89");
}

TEST(PreTreatment, ReadsTheTypographicApostropheAsAnApostrophe) {
    EXPECT_EQ(pre_treat("aujourd\xE2\x80\x99hui"), "aujourd'hui");
}

TEST(PreTreatment, KeepsSpacesInsideTheAnswer) {
    EXPECT_EQ(pre_treat(" mot  de passe "), "mot  de passe");
}

TEST(TreatmentT1, LowerCasesStripsAccentsAndRemovesAllSpaces) {
    EXPECT_EQ(treatment_t1("  Élève  Zoé Lefèvre "), "elevezoelefevre");
}

TEST(TreatmentT1, FoldsNonAsciiCapitals) {
    EXPECT_EQ(treatment_t1("ÇA ÉTÉ"), "caete");
}

TEST(TreatmentT2, RemovesPunctuationAndSymbols) {
    EXPECT_EQ(treatment_t2("www.exemple.fr/page?x=1"), "wwwexemplefrpagex1");
}

TEST(TreatmentT2, KeepsEveryUnicodeLetterAndDigit) {
    EXPECT_EQ(treatment_t2("Ça, c'est l'ÉTÉ 2024 !"), "Ça cest lÉTÉ 2024 ");
    EXPECT_EQ(treatment_t2("É"), "É");
    EXPECT_EQ(treatment_t2("Ωμέγα ½"), "Ωμέγα ½");
}

TEST(TreatmentT2, LeavesNothingOfAPunctuationOnlyText) {
    EXPECT_EQ(treatment_t2("?!…«»"), "");
}

TEST(Levenshtein, CountsCodePointsNotBytes) {
    EXPECT_EQ(levenshtein("ecole", "école"), 1U);
    EXPECT_EQ(levenshtein("", "abc"), 3U);
    EXPECT_EQ(levenshtein("chat", "chien"), 3U);
}

TEST(ParseNumber, AcceptsCommaOrPointAndSpaces) {
    EXPECT_EQ(parse_number("3,5"), 3.5);
    EXPECT_EQ(parse_number(" 3.5 "), 3.5);
    EXPECT_EQ(parse_number("1 024"), 1024.0);
    EXPECT_EQ(parse_number("-2"), -2.0);
}

TEST(ParseNumber, RefusesWhatIsNotANumber) {
    for (const char* text : {"", "trois", "3,5,1", "3.5 Mo", "-", "1e3"})
        EXPECT_FALSE(parse_number(text).has_value()) << text;
}

} // namespace
} // namespace numeria::content
