#include "identity/use_cases/account_unlock.hpp"
#include "tests/support/identity/in_memory_throttle_repository.hpp"
#include "tests/support/identity/in_memory_token_repository.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>

namespace numeria::identity {
namespace {

class AccountUnlockTest : public ::testing::Test {
protected:
    void SetUp() override {
        NewUser teacher;
        teacher.first_name = "Marie";
        teacher.last_name = "Curie";
        teacher.email = "marie.curie@exemple.fr";
        teacher.password_hash = "stored-hash";
        m_account = *m_users.find(*m_users.create(teacher));
        for (int i = 0; i < 10; ++i)
            (void)record_log_in(m_wrong, m_account, false, m_throttle, m_clock);
    }

    testing::InMemoryUserRepository m_users;
    testing::InMemoryTokenRepository m_unlocks;
    testing::InMemoryThrottleRepository m_throttle;
    FixedClock m_clock{1'700'000'000'000};
    LogIn m_wrong{"marie.curie@exemple.fr", "wrong", "192.0.2.1"};
    User m_account;
};

TEST_F(AccountUnlockTest, TheRightPasswordWithTheLinkLogsInAndLiftsTheBlock) {
    auto issued = issue_unlock_link(m_account, m_unlocks, m_clock);
    ASSERT_TRUE(issued.has_value());

    auto account = find_unlock_account(issued->token, m_users, m_unlocks, m_clock);
    auto logged = complete_unlock(issued->token, *account, true, m_unlocks, m_throttle, m_clock);

    ASSERT_TRUE(logged.has_value());
    EXPECT_EQ(logged->user_id, m_account.id);
    EXPECT_FALSE(is_blocked(m_throttle.get(account_key("marie.curie@exemple.fr")), m_clock.now()));
}

TEST_F(AccountUnlockTest, TheLinkWorksOnce) {
    auto issued = issue_unlock_link(m_account, m_unlocks, m_clock);
    ASSERT_TRUE(complete_unlock(issued->token, m_account, true, m_unlocks, m_throttle, m_clock));

    auto again = complete_unlock(issued->token, m_account, true, m_unlocks, m_throttle, m_clock);

    EXPECT_EQ(again.error().reason, "unlock.link_invalid");
    EXPECT_EQ(find_unlock_account(issued->token, m_users, m_unlocks, m_clock).error().reason, "unlock.link_invalid");
}

TEST_F(AccountUnlockTest, AWrongPasswordKeepsTheBlockAndTheLink) {
    auto issued = issue_unlock_link(m_account, m_unlocks, m_clock);

    auto refused = complete_unlock(issued->token, m_account, false, m_unlocks, m_throttle, m_clock);

    EXPECT_EQ(refused.error().reason, "login.invalid_credentials");
    EXPECT_TRUE(is_blocked(m_throttle.get(account_key("marie.curie@exemple.fr")), m_clock.now()));
    EXPECT_TRUE(find_unlock_account(issued->token, m_users, m_unlocks, m_clock).has_value());
}

} // namespace
} // namespace numeria::identity
