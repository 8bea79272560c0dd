#include "identity/use_cases/change_password.hpp"
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
    PasswordHasher m_hasher{HashStrength::Minimum};
    UserId m_pupil = 0;
};

TEST_F(ChangePasswordTest, SetsTheNewPasswordAndLiftsTheForcedChange) {
    ASSERT_TRUE(change_password(m_pupil, "Cartable2024", m_users, m_hasher));

    const User user = *m_users.find(m_pupil);
    EXPECT_TRUE(m_hasher.verify("Cartable2024", user.password_hash));
    EXPECT_FALSE(user.must_change_password);
}

TEST_F(ChangePasswordTest, AppliesThePolicy) {
    EXPECT_EQ(change_password(m_pupil, "cartable", m_users, m_hasher).error().reason, "password.missing_uppercase");
    EXPECT_TRUE(m_users.find(m_pupil)->must_change_password);
}

TEST_F(ChangePasswordTest, RefusesAnUnknownAccount) {
    EXPECT_EQ(change_password(999, "Cartable2024", m_users, m_hasher).error().code, ErrorCode::NotFound);
}

} // namespace
} // namespace numeria::identity
