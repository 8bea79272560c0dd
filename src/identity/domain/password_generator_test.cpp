#include "identity/domain/password_generator.hpp"
#include "identity/domain/password_policy.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace numeria::identity {
namespace {

TEST(OneTimePassword, MeetsThePolicyWithoutLookAlikes) {
    ASSERT_GE(sodium_init(), 0);
    for (int i = 0; i < 200; ++i) {
        std::string password = generate_one_time_password();

        EXPECT_EQ(password.size(), 16U);
        EXPECT_TRUE(check_password_policy(password)) << password;
        EXPECT_EQ(password.find_first_of("0O1lI"), std::string::npos) << password;
    }
}

TEST(OneTimePassword, IsDifferentEachTime) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(generate_one_time_password());

    EXPECT_EQ(seen.size(), 100U);
}

} // namespace
} // namespace numeria::identity
