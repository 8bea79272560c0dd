#include "identity/use_cases/operator_account.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>

namespace numeria::identity {
namespace {

class OperatorAccountTest : public ::testing::Test {
protected:
    Result<OperatorAccountFound> find_or_create(const std::string& email, const std::string& first = "Marie",
                                                const std::string& last = "Curie") {
        return find_or_create_account({email, first, last}, m_users, m_prepared, m_clock);
    }
    std::string refusal(const std::string& email, const std::string& first, const std::string& last) {
        auto result = find_or_create(email, first, last);
        return result ? "ok" : result.error().reason;
    }

    testing::InMemoryUserRepository m_users;
    PreparedPassword m_prepared{"Provisoire2026", "$argon2id$fake"};
    FixedClock m_clock{1'700'000'000'000};
};

TEST_F(OperatorAccountTest, CreatesAnAccountThatMustChangeItsOneTimePassword) {
    auto found = find_or_create(" Marie.Curie@Exemple.fr ", " Marie ", "Curie");

    ASSERT_TRUE(found.has_value());
    const User& user = m_users.all().front();
    EXPECT_EQ(found->one_time_password, "Provisoire2026");
    EXPECT_EQ(user.email, "marie.curie@exemple.fr");
    EXPECT_EQ(user.first_name, "Marie");
    EXPECT_EQ(user.password_hash, "$argon2id$fake");
    EXPECT_TRUE(user.must_change_password);
}

TEST_F(OperatorAccountTest, FindsAnExistingAccountByItsNormalisedEmailWithoutNamesOrPassword) {
    auto created = find_or_create("marie.curie@exemple.fr");

    auto found = find_or_create("MARIE.CURIE@exemple.fr", "", "");

    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->user_id, created->user_id);
    EXPECT_FALSE(found->one_time_password.has_value());
    EXPECT_EQ(m_users.all().size(), 1U);
}

TEST_F(OperatorAccountTest, RefusesAnImplausibleEmail) {
    EXPECT_EQ(refusal("marie", "Marie", "Curie"), "user.email_invalid");
}

TEST_F(OperatorAccountTest, ANewAccountNeedsBothNames) {
    EXPECT_EQ(refusal("a@exemple.fr", " ", "Curie"), "user.first_name_required");
    EXPECT_EQ(refusal("a@exemple.fr", "Marie", ""), "user.last_name_required");
    EXPECT_TRUE(m_users.all().empty());
}

TEST_F(OperatorAccountTest, ChecksNamesLikeSignUp) {
    EXPECT_EQ(refusal("a@exemple.fr", "Ma\nrie", "Curie"), "user.first_name_not_one_line");
    EXPECT_EQ(refusal("a@exemple.fr", "Marie", std::string(101, 'c')), "user.last_name_too_long");
}

} // namespace
} // namespace numeria::identity
