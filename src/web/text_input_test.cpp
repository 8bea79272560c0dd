#include "web/text_input.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace numeria::web {
namespace {

TEST(CleanText, AcceptsFrenchTextAndEmoji) {
    EXPECT_TRUE(is_clean_text("Élodie N'Guessan-Lefèvre 🙂", false));
}

TEST(CleanText, RefusesOverlongForms) {
    EXPECT_FALSE(is_clean_text("\xC0\xAF", false));         // '/' in two bytes
    EXPECT_FALSE(is_clean_text("\xE0\x80\xAF", false));     // '/' in three bytes
    EXPECT_FALSE(is_clean_text("\xF0\x80\x80\xAF", false)); // '/' in four bytes
}

TEST(CleanText, RefusesSurrogates) {
    EXPECT_FALSE(is_clean_text("\xED\xA0\x80", false)); // U+D800
    EXPECT_FALSE(is_clean_text("\xED\xBF\xBF", false)); // U+DFFF
}

TEST(CleanText, RefusesCodePointsAboveTheUnicodeRange) {
    EXPECT_FALSE(is_clean_text("\xF4\x90\x80\x80", false)); // U+110000
    EXPECT_FALSE(is_clean_text("\xF8\x88\x80\x80\x80", false));
}

TEST(CleanText, RefusesTruncatedSequencesAndStrayBytes) {
    EXPECT_FALSE(is_clean_text("caf\xC3", false));
    EXPECT_FALSE(is_clean_text("\x80", false));
    EXPECT_FALSE(is_clean_text("\xFF", false));
}

TEST(CleanText, RefusesNulAndControlCharacters) {
    EXPECT_FALSE(is_clean_text(std::string("a\0b", 3), true));
    EXPECT_FALSE(is_clean_text("a\x1b[31mb", true));
    EXPECT_FALSE(is_clean_text("a\x7f", true));
    EXPECT_FALSE(is_clean_text("a\xC2\x85", true)); // U+0085, a C1 control
}

TEST(CleanText, AllowsLineBreaksOnlyInMultilineText) {
    EXPECT_TRUE(is_clean_text("ligne 1\r\nligne 2\tfin", true));
    EXPECT_FALSE(is_clean_text("Marie\nCurie", false));
}

TEST(CleanForm, RefusesABadValueOrName) {
    EXPECT_TRUE(is_clean_form({{"nom", "Curie"}, {"texte", "a\nb"}}));
    EXPECT_FALSE(is_clean_form({{"nom", "Cu\xEDrie"}}));
    EXPECT_FALSE(is_clean_form({{"n\nom", "Curie"}}));
}

TEST(CleanJson, LooksIntoNestedStringsAndKeys) {
    EXPECT_TRUE(is_clean_json(nlohmann::json{{"a", {"x", {{"b", "ok"}}}}, {"n", 3}}));
    EXPECT_FALSE(is_clean_json(nlohmann::json{{"a", {"x", {{"b", std::string("k\0o", 3)}}}}}));
    EXPECT_FALSE(is_clean_json(nlohmann::json::parse(R"({"nom": "\u0000"})")));
}

} // namespace
} // namespace numeria::web
