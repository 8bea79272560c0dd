#include "identity/use_cases/sign_up.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::identity {
namespace {

class SignUpTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_GE(sodium_init(), 0); }

    static SignUp a_sign_up() { return SignUp{" Marie ", "Curie", "Marie.Curie@Exemple.fr", "Radium1898", true}; }
    std::string refusal(const SignUp& command) {
        auto result = sign_up(command, m_users, m_hasher, m_clock);
        return result ? "ok" : result.error().reason;
    }

    testing::InMemoryUserRepository m_users;
    PasswordHasher m_hasher{HashStrength::Minimum};
    FixedClock m_clock{1'700'000'000'000};
};

TEST_F(SignUpTest, CreatesTheAccountWithANormalisedEmailAndTrimmedNames) {
    auto id = sign_up(a_sign_up(), m_users, m_hasher, m_clock);

    ASSERT_TRUE(id.has_value());
    const User& user = m_users.all().front();
    EXPECT_EQ(user.email, "marie.curie@exemple.fr");
    EXPECT_EQ(user.first_name, "Marie");
    EXPECT_EQ(user.terms_accepted_at, 1'700'000'000'000);
}

TEST_F(SignUpTest, StoresAHashThatVerifiesAndNotThePassword) {
    ASSERT_TRUE(sign_up(a_sign_up(), m_users, m_hasher, m_clock));

    const User& user = m_users.all().front();
    EXPECT_EQ(user.password_hash.find("Radium1898"), std::string::npos);
    EXPECT_TRUE(m_hasher.verify("Radium1898", user.password_hash));
}

TEST_F(SignUpTest, RefusesANameThatReadsAsAnotherOrSpansTwoLines) {
    SignUp bidi = a_sign_up();
    bidi.first_name = "Ma\u202Erie"; // RIGHT-TO-LEFT OVERRIDE
    SignUp separator = a_sign_up();
    separator.last_name = "Cu\u2028rie"; // LINE SEPARATOR

    EXPECT_EQ(refusal(bidi), "user.first_name_not_one_line");
    EXPECT_EQ(refusal(separator), "user.last_name_not_one_line");
    EXPECT_TRUE(m_users.all().empty());
}

TEST_F(SignUpTest, RefusesMissingNames) {
    SignUp command = a_sign_up();
    command.last_name = "  ";

    EXPECT_EQ(refusal(command), "user.last_name_required");
}

TEST_F(SignUpTest, RefusesAnImplausibleEmail) {
    SignUp command = a_sign_up();
    command.email = "marie.curie";

    EXPECT_EQ(refusal(command), "user.email_invalid");
}

TEST_F(SignUpTest, RefusesWithoutAcceptingTheTerms) {
    SignUp command = a_sign_up();
    command.accepts_terms = false;

    EXPECT_EQ(refusal(command), "user.terms_not_accepted");
}

TEST_F(SignUpTest, AppliesThePasswordPolicy) {
    SignUp command = a_sign_up();
    command.password = "radium1898";

    EXPECT_EQ(refusal(command), "password.missing_uppercase");
}

TEST_F(SignUpTest, ATakenEmailCreatesNothingAndReportsTheExistingAccount) {
    auto first = sign_up(a_sign_up(), m_users, m_hasher, m_clock);
    SignUp again = a_sign_up();
    again.email = "MARIE.CURIE@exemple.fr";

    auto second = sign_up(again, m_users, m_hasher, m_clock);

    ASSERT_TRUE(second.has_value());
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->user_id, first->user_id);
    EXPECT_EQ(m_users.all().size(), 1U);
}

TEST_F(SignUpTest, RefusesAFirstNameOfMoreThanAHundredCharacters) {
    SignUp command = a_sign_up();
    command.first_name = std::string(101, 'a');

    EXPECT_EQ(refusal(command), "user.first_name_too_long");
    EXPECT_TRUE(m_users.all().empty());
}

TEST_F(SignUpTest, RefusesALastNameOnTwoLines) {
    SignUp command = a_sign_up();
    command.last_name = "Curie\nhttp://evil.example";

    EXPECT_EQ(refusal(command), "user.last_name_not_one_line");
}

TEST_F(SignUpTest, RefusesAPasswordOfMoreThan128Bytes) {
    SignUp command = a_sign_up();
    command.password = "Aa1" + std::string(126, 'x');

    EXPECT_EQ(refusal(command), "password.too_long");
}

TEST_F(SignUpTest, ReportsTheProblemOfEveryFieldAtOnce) {
    SignUp command{" ", "", "pas-une-adresse", "court", false};

    std::vector<std::string> reasons;
    for (const Error& problem : sign_up_problems(command))
        reasons.push_back(problem.reason);

    EXPECT_EQ(reasons,
              (std::vector<std::string>{"user.first_name_required", "user.last_name_required", "user.email_invalid",
                                        "user.terms_not_accepted", "password.too_short"}));
}

TEST_F(SignUpTest, FindsNoProblemInAnAcceptableForm) {
    EXPECT_TRUE(sign_up_problems(a_sign_up()).empty());
}

} // namespace
} // namespace numeria::identity
