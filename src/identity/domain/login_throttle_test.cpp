#include "identity/domain/login_throttle.hpp"

#include <gtest/gtest.h>

namespace numeria::identity {
namespace {

ThrottleState failures(int count, EpochMs now) {
    ThrottleState state;
    for (int i = 0; i < count; ++i)
        state = after_failure(state, now);
    return state;
}

TEST(LoginThrottle, NineFailuresDoNotBlock) {
    EXPECT_FALSE(is_blocked(failures(9, 1000), 1000));
}

TEST(LoginThrottle, TheTenthFailureBlocksForTwoMinutes) {
    ThrottleState state = failures(10, 1000);

    EXPECT_TRUE(is_blocked(state, 1000 + FIRST_BLOCK_MS - 1));
    EXPECT_FALSE(is_blocked(state, 1000 + FIRST_BLOCK_MS));
}

TEST(LoginThrottle, EachFurtherTenFailuresDoubleTheBlock) {
    EXPECT_EQ(failures(20, 0).blocked_until, 2 * FIRST_BLOCK_MS);
    EXPECT_EQ(failures(30, 0).blocked_until, 4 * FIRST_BLOCK_MS);
}

TEST(LoginThrottle, TheBlockNeverExceedsADay) {
    EXPECT_EQ(failures(500, 0).blocked_until, LONGEST_BLOCK_MS);
}

TEST(LoginThrottle, AccountKeysIgnoreCaseAndSpaces) {
    EXPECT_EQ(account_key(" Marie@Exemple.fr"), account_key("marie@exemple.fr"));
    EXPECT_NE(account_key("marie@exemple.fr"), address_key("marie@exemple.fr"));
}

} // namespace
} // namespace numeria::identity
