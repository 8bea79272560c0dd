#include "identity/use_cases/change_password.hpp"
#include "tests/support/identity/in_memory_session_repository.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::identity {
namespace {

class ChangePasswordTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        NewUser pupil;
        pupil.first_name = "Jean";
        pupil.last_name = "Dupont";
        pupil.username = "jean.dupont2412";
        pupil.password_hash = *m_hasher.hash("kqmrtz07");
        pupil.must_change_password = true;
        m_pupil = *m_users.create(pupil);
    }

    testing::InMemoryUserRepository m_users;
    testing::InMemorySessionRepository m_sessions;
    PasswordHasher m_hasher{HashStrength::Minimum};
    FixedClock m_clock{1'700'000'000'000};
    UserId m_pupil = 0;

    Status change(UserId user, const std::string& password, const std::string& kept = "current") {
        return change_password(user, password, kept, m_users, m_sessions, m_hasher, m_clock);
    }
};

TEST_F(ChangePasswordTest, SetsTheNewPasswordAndLiftsTheForcedChange) {
    ASSERT_TRUE(change(m_pupil, "Cartable2024"));

    const User user = *m_users.find(m_pupil);
    EXPECT_TRUE(m_hasher.verify("Cartable2024", user.password_hash));
    EXPECT_FALSE(user.must_change_password);
}

TEST_F(ChangePasswordTest, AppliesThePolicy) {
    EXPECT_EQ(change(m_pupil, "cartable").error().reason, "password.missing_uppercase");
    EXPECT_TRUE(m_users.find(m_pupil)->must_change_password);
}

TEST_F(ChangePasswordTest, RefusesAnUnknownAccount) {
    EXPECT_EQ(change(999, "Cartable2024").error().code, ErrorCode::NotFound);
}

TEST_F(ChangePasswordTest, RevokesTheOtherSessionsAndKeepsTheCurrentOne) {
    m_sessions.create("current", m_pupil, m_clock.now(), m_clock.now() + 1000);
    m_sessions.create("other", m_pupil, m_clock.now(), m_clock.now() + 1000);

    ASSERT_TRUE(change(m_pupil, "Cartable2024", "current"));

    EXPECT_TRUE(m_sessions.find_active("current", m_clock.now()).has_value());
    EXPECT_FALSE(m_sessions.find_active("other", m_clock.now()).has_value());
}

} // namespace
} // namespace numeria::identity
