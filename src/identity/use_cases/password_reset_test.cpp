#include "identity/use_cases/password_reset.hpp"
#include "tests/support/identity/in_memory_session_repository.hpp"
#include "tests/support/identity/in_memory_throttle_repository.hpp"
#include "tests/support/identity/in_memory_token_repository.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::identity {
namespace {

class PasswordResetTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        NewUser user;
        user.first_name = "Marie";
        user.last_name = "Curie";
        user.email = "marie.curie@exemple.fr";
        user.password_hash = *m_hasher.hash("Radium1898");
        user.must_change_password = true;
        m_user = *m_users.create(user);
    }

    testing::InMemoryUserRepository m_users;
    testing::InMemoryTokenRepository m_tokens;
    testing::InMemorySessionRepository m_sessions;
    testing::InMemoryThrottleRepository m_throttle;
    PasswordHasher m_hasher{HashStrength::Minimum};
    FixedClock m_clock{1'700'000'000'000};
    UserId m_user = 0;
};

TEST_F(PasswordResetTest, SendsNothingForAnUnknownEmail) {
    EXPECT_FALSE(
        request_password_reset("personne@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock).has_value());
}

TEST_F(PasswordResetTest, TheLinkSetsANewPasswordWithoutForcedChange) {
    auto requested =
        request_password_reset("Marie.Curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock);
    ASSERT_TRUE(requested.has_value());
    EXPECT_EQ(requested->email, "marie.curie@exemple.fr");

    auto reset = reset_password(requested->token, "Polonium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock);

    ASSERT_TRUE(reset.has_value());
    const User user = *m_users.find(m_user);
    EXPECT_TRUE(m_hasher.verify("Polonium1898", user.password_hash));
    EXPECT_FALSE(user.must_change_password);
}

TEST_F(PasswordResetTest, TheLinkWorksOnlyOnce) {
    auto requested =
        request_password_reset("marie.curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock);
    ASSERT_TRUE(reset_password(requested->token, "Polonium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock));

    auto again = reset_password(requested->token, "Uranium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock);

    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().reason, "reset.link_invalid");
}

TEST_F(PasswordResetTest, TheLinkExpiresAfter24Hours) {
    auto requested =
        request_password_reset("marie.curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock);

    m_clock.advance(PASSWORD_RESET_LIFETIME_MS);

    EXPECT_FALSE(reset_password(requested->token, "Polonium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock));
}

TEST_F(PasswordResetTest, AWeakPasswordKeepsTheLinkUsable) {
    auto requested =
        request_password_reset("marie.curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock);

    auto weak = reset_password(requested->token, "court", m_users, m_tokens, m_sessions, m_hasher, m_clock);

    EXPECT_EQ(weak.error().reason, "password.too_short");
    EXPECT_TRUE(reset_password(requested->token, "Polonium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock));
}

TEST_F(PasswordResetTest, UsingOneLinkSpendsTheUsersOtherLinks) {
    auto first = request_password_reset("marie.curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock);
    auto second = request_password_reset("marie.curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock);
    ASSERT_TRUE(reset_password(second->token, "Polonium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock));

    auto other = reset_password(first->token, "Uranium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock);

    EXPECT_EQ(other.error().reason, "reset.link_invalid");
}

TEST_F(PasswordResetTest, AResetRevokesEverySessionOfTheUser) {
    m_sessions.create("session-digest", m_user, m_clock.now(), m_clock.now() + 1000);
    auto requested =
        request_password_reset("marie.curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock);

    ASSERT_TRUE(reset_password(requested->token, "Polonium1898", m_users, m_tokens, m_sessions, m_hasher, m_clock));

    EXPECT_FALSE(m_sessions.find_active("session-digest", m_clock.now()).has_value());
}

TEST_F(PasswordResetTest, AnAccountGetsAtMostThreeLinksAnHour) {
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(request_password_reset("marie.curie@exemple.fr", "192.0.2." + std::to_string(i), m_users, m_tokens,
                                           m_throttle, m_clock));

    EXPECT_FALSE(request_password_reset("marie.curie@exemple.fr", "192.0.2.9", m_users, m_tokens, m_throttle, m_clock));
    m_clock.advance(HOUR_MS);
    EXPECT_TRUE(request_password_reset("marie.curie@exemple.fr", "192.0.2.9", m_users, m_tokens, m_throttle, m_clock));
}

TEST_F(PasswordResetTest, AnAddressGetsAtMostTwentyRequestsAnHour) {
    for (int i = 0; i < 20; ++i)
        (void)request_password_reset("personne" + std::to_string(i) + "@exemple.fr", "192.0.2.1", m_users, m_tokens,
                                     m_throttle, m_clock);

    EXPECT_FALSE(request_password_reset("marie.curie@exemple.fr", "192.0.2.1", m_users, m_tokens, m_throttle, m_clock));
}

} // namespace
} // namespace numeria::identity
