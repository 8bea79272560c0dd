#include "identity/domain/pupil_credentials.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace numeria::identity {
namespace {

TEST(PupilCredentials, BuildsTheUsernameFromNamesAndDayAndMonthOfBirth) {
    EXPECT_EQ(username_for("Jean", "Dupont", "2010-12-24"), "jean.dupont2412");
}

TEST(PupilCredentials, StripsAccentsSpacesAndPunctuation) {
    EXPECT_EQ(username_for("Zoé-Anaïs", "Le Bœuf d'Aubigné", "2011-03-05"), "zoeanais.leboeufdaubigne0503");
}

TEST(PupilCredentials, KeepsAFreeUsername) {
    EXPECT_EQ(free_username("Jean", "Dupont", "2010-12-24", [](const std::string&) { return false; }),
              "jean.dupont2412");
}

TEST(PupilCredentials, ReplacesTheFourDigitsWhenTheUsernameIsTaken) {
    const std::string username = free_username("Jean", "Dupont", "2010-12-24",
                                               [](const std::string& name) { return name == "jean.dupont2412"; });

    EXPECT_TRUE(std::regex_match(username, std::regex(R"(jean\.dupont\d{4})")));
    EXPECT_NE(username, "jean.dupont2412");
}

TEST(PupilCredentials, MakesTemporaryPasswordsOfSixLettersWithoutILOAndTwoDigits) {
    for (int i = 0; i < 200; ++i)
        EXPECT_TRUE(std::regex_match(generate_temporary_password(), std::regex("[a-hjkmnp-z]{6}[0-9]{2}")));
}

TEST(PupilCredentials, DrawsDifferentTemporaryPasswords) {
    std::set<std::string> passwords;
    for (int i = 0; i < 50; ++i)
        passwords.insert(generate_temporary_password());

    EXPECT_GT(passwords.size(), 45U);
}

} // namespace
} // namespace numeria::identity
