#include "identity/domain/password_hasher.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::identity {
namespace {

class PasswordHasherTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_GE(sodium_init(), 0); }
    PasswordHasher m_hasher{HashStrength::Minimum};
};

TEST_F(PasswordHasherTest, ProducesAnArgon2idHashWithoutThePassword) {
    auto hash = m_hasher.hash("Bonjour1");

    ASSERT_TRUE(hash.has_value());
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0U);
    EXPECT_EQ(hash->find("Bonjour1"), std::string::npos);
}

TEST_F(PasswordHasherTest, VerifiesTheRightPasswordOnly) {
    auto hash = m_hasher.hash("Bonjour1");

    EXPECT_TRUE(m_hasher.verify("Bonjour1", *hash));
    EXPECT_FALSE(m_hasher.verify("bonjour1", *hash));
}

TEST_F(PasswordHasherTest, SaltsEveryHash) {
    EXPECT_NE(*m_hasher.hash("Bonjour1"), *m_hasher.hash("Bonjour1"));
}

TEST_F(PasswordHasherTest, AsksForARehashOfAWeakerHash) {
    auto weak = m_hasher.hash("Bonjour1");

    EXPECT_TRUE(PasswordHasher(HashStrength::Interactive).needs_rehash(*weak));
    EXPECT_FALSE(m_hasher.needs_rehash(*weak));
}

} // namespace
} // namespace numeria::identity
