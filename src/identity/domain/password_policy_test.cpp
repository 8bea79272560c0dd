#include "identity/domain/password_policy.hpp"

#include <gtest/gtest.h>

namespace numeria::identity {
namespace {

std::string reason(std::string_view password) {
    Status status = check_password_policy(password);
    return status ? "ok" : status.error().reason;
}

TEST(PasswordPolicy, AcceptsEightCharactersWithUpperLowerAndDigit) {
    EXPECT_EQ(reason("Bonjour1"), "ok");
}

TEST(PasswordPolicy, RefusesSevenCharacters) {
    EXPECT_EQ(reason("Bonjou1"), "password.too_short");
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
    EXPECT_EQ(reason("Éléphé1"), "password.too_short");
    EXPECT_EQ(reason("Éléphée1"), "ok");
}

TEST(PasswordPolicy, RefusesAPasswordWithoutUpperCase) {
    EXPECT_EQ(reason("bonjour12"), "password.missing_uppercase");
}

TEST(PasswordPolicy, AcceptsAnAccentedUpperCaseLetter) {
    EXPECT_EQ(reason("École2024"), "ok");
}

TEST(PasswordPolicy, RefusesAPasswordWithoutLowerCase) {
    EXPECT_EQ(reason("BONJOUR12"), "password.missing_lowercase");
}

TEST(PasswordPolicy, RefusesAPasswordWithoutDigit) {
    EXPECT_EQ(reason("Bonjourrr"), "password.missing_digit");
}

TEST(PasswordPolicy, RefusesInvalidUtf8) {
    EXPECT_EQ(reason("Bonjour1\xff"), "password.invalid_encoding");
}

} // namespace
} // namespace numeria::identity
