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

class PasswordChangeFormTest : public ChangePasswordTest {
protected:
    // An account whose password its owner chose: a change is voluntary.
    User an_owned_account() {
        User account = *m_users.find(m_pupil);
        account.password_hash = *m_hasher.hash("Cartable2024");
        account.must_change_password = false;
        return account;
    }
    std::string refusal(const PasswordChange& change, const User& account) {
        auto prepared = prepare_password_change(change, account, m_hasher);
        return prepared ? "ok" : prepared.error().reason;
    }
};

TEST_F(PasswordChangeFormTest, AVoluntaryChangeAsksForTheCurrentPassword) {
    const User account = an_owned_account();

    EXPECT_TRUE(asks_current_password(account));
    EXPECT_EQ(refusal({"", "Trousse2025", "Trousse2025"}, account), "password.current_required");
    EXPECT_EQ(refusal({"Mauvais2024", "Trousse2025", "Trousse2025"}, account), "password.current_wrong");
    EXPECT_EQ(refusal({"Cartable2024", "Trousse2025", "Trousse2025"}, account), "ok");
}

TEST_F(PasswordChangeFormTest, AForcedChangeDoesNotAskForTheCurrentPassword) {
    const User account = *m_users.find(m_pupil);

    EXPECT_FALSE(asks_current_password(account));
    EXPECT_EQ(refusal({"", "Trousse2025", "Trousse2025"}, account), "ok");
}

TEST_F(PasswordChangeFormTest, TheNewPasswordMustBeTypedTwiceTheSame) {
    EXPECT_EQ(refusal({"Cartable2024", "Trousse2025", "Trousse2052"}, an_owned_account()),
              "password.confirmation_mismatch");
}

TEST_F(PasswordChangeFormTest, TheNewPasswordFollowsThePolicyAndDiffersFromTheCurrentOne) {
    EXPECT_EQ(refusal({"Cartable2024", "trousses", "trousses"}, an_owned_account()), "password.missing_uppercase");
    EXPECT_EQ(refusal({"Cartable2024", "Cartable2024", "Cartable2024"}, an_owned_account()), "password.unchanged");
}

} // namespace
} // namespace numeria::identity
