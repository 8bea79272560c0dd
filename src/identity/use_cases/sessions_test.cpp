#include "identity/use_cases/sessions.hpp"
#include "tests/support/identity/in_memory_session_repository.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::identity {
namespace {

class SessionsTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_GE(sodium_init(), 0); }
    testing::InMemorySessionRepository m_sessions;
    FixedClock m_clock{1'700'000'000'000};
};

TEST_F(SessionsTest, AnOpenedSessionResolvesToItsUser) {
    OpenedSession opened = open_session(7, m_sessions, m_clock);

    EXPECT_EQ(session_user(opened.token, m_sessions, m_clock), 7);
}

TEST_F(SessionsTest, StoresOnlyTheDigestOfTheToken) {
    OpenedSession opened = open_session(7, m_sessions, m_clock);

    EXPECT_FALSE(m_sessions.stores(opened.token));
}

TEST_F(SessionsTest, ExpiresAfterTwelveHours) {
    OpenedSession opened = open_session(7, m_sessions, m_clock);

    m_clock.advance(SESSION_LIFETIME_MS);

    EXPECT_FALSE(session_user(opened.token, m_sessions, m_clock).has_value());
}

TEST_F(SessionsTest, LogOutRevokesTheSessionAtOnce) {
    OpenedSession opened = open_session(7, m_sessions, m_clock);

    close_session(opened.token, m_sessions, m_clock);

    EXPECT_FALSE(session_user(opened.token, m_sessions, m_clock).has_value());
}

TEST_F(SessionsTest, IgnoresAMalformedToken) {
    EXPECT_FALSE(session_user("not-a-token", m_sessions, m_clock).has_value());
}

} // namespace
} // namespace numeria::identity
