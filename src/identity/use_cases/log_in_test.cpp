#include "identity/use_cases/log_in.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::identity {
namespace {

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

    testing::InMemoryUserRepository m_users;
    PasswordHasher m_hasher{HashStrength::Minimum};
    UserId m_pupil = 0;
    UserId m_teacher = 0;
};

TEST_F(LogInTest, AcceptsAnEmailInAnyCase) {
    auto result = log_in({"Marie.Curie@EXEMPLE.fr", "Radium1898"}, m_users, m_hasher);

    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->user_id, m_teacher);
}

TEST_F(LogInTest, AcceptsAUsernameAndReportsAForcedPasswordChange) {
    auto result = log_in({"jean.dupont2412", "kqmrtz07"}, m_users, m_hasher);

    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->user_id, m_pupil);
    EXPECT_TRUE(result->must_change_password);
}

TEST_F(LogInTest, RefusesAWrongPassword) {
    auto result = log_in({"marie.curie@exemple.fr", "Radium1899"}, m_users, m_hasher);

    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::Unauthenticated);
}

TEST_F(LogInTest, GivesTheSameErrorForAnUnknownAccount) {
    auto unknown = log_in({"personne@exemple.fr", "Radium1898"}, m_users, m_hasher);
    auto wrong = log_in({"marie.curie@exemple.fr", "nope"}, m_users, m_hasher);

    EXPECT_EQ(unknown.error().reason, wrong.error().reason);
}

} // namespace
} // namespace numeria::identity
