#include "identity/use_cases/log_in.hpp"
#include "tests/support/identity/in_memory_throttle_repository.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <vector>

namespace numeria::identity {
namespace {

// Counts the password checks and the hashes they were made against.
class CountingHashing final : public PasswordHashing {
public:
    explicit CountingHashing(const PasswordHasher& real)
        : m_real(real) {}
    [[nodiscard]] Result<std::string> make_hash(std::string_view password) const override {
        return m_real.make_hash(password);
    }
    [[nodiscard]] Result<bool> matches(std::string_view password, const std::string& encoded_hash) const override {
        checked_hashes.push_back(encoded_hash);
        return m_real.matches(password, encoded_hash);
    }
    mutable std::vector<std::string> checked_hashes;

private:
    const PasswordHasher& m_real;
};

class LogInTest : public ::testing::Test {
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
        NewUser teacher;
        teacher.first_name = "Marie";
        teacher.last_name = "Curie";
        teacher.email = "marie.curie@exemple.fr";
        teacher.password_hash = *m_hasher.hash("Radium1898");
        m_teacher = *m_users.create(teacher);
    }

    Result<LoggedIn> attempt(const std::string& login, const std::string& password,
                             const std::string& address = "192.0.2.1") {
        return log_in({login, password, address}, m_users, m_throttle, m_hasher, m_clock);
    }

    testing::InMemoryUserRepository m_users;
    testing::InMemoryThrottleRepository m_throttle;
    PasswordHasher m_hasher{HashStrength::Minimum};
    FixedClock m_clock{1'700'000'000'000};
    UserId m_pupil = 0;
    UserId m_teacher = 0;
};

TEST_F(LogInTest, AcceptsAnEmailInAnyCase) {
    auto result = attempt("Marie.Curie@EXEMPLE.fr", "Radium1898");

    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->user_id, m_teacher);
}

TEST_F(LogInTest, AcceptsAUsernameAndReportsAForcedPasswordChange) {
    auto result = attempt("jean.dupont2412", "kqmrtz07");

    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->user_id, m_pupil);
    EXPECT_TRUE(result->must_change_password);
}

TEST_F(LogInTest, RefusesAWrongPassword) {
    auto result = attempt("marie.curie@exemple.fr", "Radium1899");

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::Unauthenticated);
}

TEST_F(LogInTest, ChecksAPasswordEvenForAnUnknownAccountSoItsTimeTellsNothing) {
    CountingHashing counting(m_hasher);

    Result<LoggedIn> logged =
        log_in({"inconnu@exemple.fr", "Radium1898", "192.0.2.1"}, m_users, m_throttle, counting, m_clock);

    EXPECT_FALSE(logged.has_value());
    // One check, against the empty hash that PasswordHasher::matches replaces by its dummy hash.
    ASSERT_EQ(counting.checked_hashes.size(), 1U);
    EXPECT_EQ(counting.checked_hashes.front(), "");
}

TEST(PasswordHasher, ChecksAnEmptyHashAgainstADummyHashThatNeverMatches) {
    PasswordHasher hasher(HashStrength::Minimum);

    EXPECT_EQ(hasher.matches("", ""), false);
    EXPECT_EQ(hasher.matches("dummy-never-matches-7fQ2", ""), false);
}

TEST_F(LogInTest, GivesTheSameErrorForAnUnknownAccount) {
    auto unknown = attempt("personne@exemple.fr", "Radium1898");
    auto wrong = attempt("marie.curie@exemple.fr", "nope");

    EXPECT_EQ(unknown.error().reason, wrong.error().reason);
}

TEST_F(LogInTest, TenFailuresBlockTheAccountEvenWithTheRightPassword) {
    for (int i = 0; i < 10; ++i)
        (void)attempt("marie.curie@exemple.fr", "wrong", "198.51.100." + std::to_string(i));

    auto result = attempt("marie.curie@exemple.fr", "Radium1898", "203.0.113.9");

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().reason, "login.blocked");
    EXPECT_EQ(result.error().until_ms, m_clock.now() + FIRST_BLOCK_MS);
}

TEST_F(LogInTest, TenFailuresOnTenAccountsFromOneAddressDoNotBlockAnother) {
    for (int i = 0; i < 10; ++i)
        (void)attempt("inconnu" + std::to_string(i) + "@exemple.fr", "wrong");

    EXPECT_TRUE(attempt("marie.curie@exemple.fr", "Radium1898").has_value());
}

TEST_F(LogInTest, AHundredFailuresFromOneAddressBlockThatAddressForOtherAccounts) {
    for (int i = 0; i < 100; ++i)
        (void)attempt("inconnu" + std::to_string(i) + "@exemple.fr", "wrong");

    EXPECT_EQ(attempt("marie.curie@exemple.fr", "Radium1898").error().reason, "login.blocked");
    EXPECT_TRUE(attempt("marie.curie@exemple.fr", "Radium1898", "203.0.113.9").has_value());
}

TEST_F(LogInTest, OnlyTheFailureThatBlocksAnExistingAccountAsksForAnUnlockLink) {
    LogIn wrong{"marie.curie@exemple.fr", "wrong", "192.0.2.1"};
    auto account = m_users.find(m_teacher);
    for (int i = 0; i < 9; ++i)
        ASSERT_FALSE(record_log_in(wrong, account, false, m_throttle, m_clock).account_just_blocked);

    EXPECT_TRUE(record_log_in(wrong, account, false, m_throttle, m_clock).account_just_blocked);
}

TEST_F(LogInTest, TheBlockEndsAfterTwoMinutes) {
    for (int i = 0; i < 10; ++i)
        (void)attempt("marie.curie@exemple.fr", "wrong");

    m_clock.advance(FIRST_BLOCK_MS);

    EXPECT_TRUE(attempt("marie.curie@exemple.fr", "Radium1898").has_value());
}

TEST_F(LogInTest, ASuccessResetsTheFailureCount) {
    for (int i = 0; i < 9; ++i)
        (void)attempt("marie.curie@exemple.fr", "wrong");
    ASSERT_TRUE(attempt("marie.curie@exemple.fr", "Radium1898"));

    (void)attempt("marie.curie@exemple.fr", "wrong");

    EXPECT_TRUE(attempt("marie.curie@exemple.fr", "Radium1898").has_value());
}

} // namespace
} // namespace numeria::identity
