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

TEST(LoginThrottle, AnAddressIsBlockedOnlyAfterAHundredFailures) {
    ThrottleState state;
    for (int i = 0; i < 99; ++i)
        state = after_failure(state, 0, ADDRESS_FAILURES_BEFORE_BLOCK);
    EXPECT_FALSE(is_blocked(state, 0));

    EXPECT_TRUE(is_blocked(after_failure(state, 0, ADDRESS_FAILURES_BEFORE_BLOCK), 0));
}

TEST(RateWindow, TheEleventhEventOfAWindowIsOverALimitOfTen) {
    ThrottleState state;
    for (int i = 0; i < 10; ++i)
        state = count_in_window(state, 1000, HOUR_MS);
    EXPECT_FALSE(over_limit(state, 10));

    EXPECT_TRUE(over_limit(count_in_window(state, 1000 + HOUR_MS - 1, HOUR_MS), 10));
}

TEST(RateWindow, ANewWindowStartsTheCountAgain) {
    ThrottleState state;
    for (int i = 0; i < 11; ++i)
        state = count_in_window(state, 1000, HOUR_MS);

    EXPECT_FALSE(over_limit(count_in_window(state, 1000 + HOUR_MS, HOUR_MS), 10));
}

} // namespace
} // namespace numeria::identity
