#include "identity/domain/account_fields.hpp"

#include <gtest/gtest.h>

namespace numeria::identity {
namespace {

TEST(AccountFields, AcceptsAHundredAccentedCharacters) {
    std::string name;
    for (int i = 0; i < 100; ++i)
        name += "é";
    EXPECT_TRUE(check_name(name, "user.first_name"));
}

TEST(AccountFields, RefusesAHundredAndOneCharacters) {
    EXPECT_EQ(check_name(std::string(101, 'a'), "user.first_name").error().reason, "user.first_name_too_long");
}

TEST(AccountFields, RefusesANameOnTwoLines) {
    EXPECT_EQ(check_name("Curie\nhttp://evil.example", "user.last_name").error().reason, "user.last_name_not_one_line");
}

TEST(AccountFields, RefusesAnEmailOf255Characters) {
    EXPECT_EQ(check_email_length(std::string(244, 'a') + "@exemple.fr").error().reason, "user.email_too_long");
}

TEST(AccountFields, AcceptsAnEmailOf254Characters) {
    EXPECT_TRUE(check_email_length(std::string(244, 'a') + "@exemple.f"));
}

} // namespace
} // namespace numeria::identity
