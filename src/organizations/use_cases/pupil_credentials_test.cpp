#include "organizations/use_cases/pupil_credentials.hpp"
#include "tests/support/identity/in_memory_user_repository.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

class PupilCredentialsTest : public ::testing::Test {
protected:
    Learner pupil() {
        Learner learner;
        learner.id = 1;
        learner.record.first_name = "Jean";
        learner.record.last_name = "Dupont";
        learner.record.birthdate = "2010-12-24";
        return learner;
    }
    identity::testing::InMemoryUserRepository users;
    identity::PasswordHasher hasher{identity::HashStrength::Minimum};
    identity::TemporaryPassword temporary = *identity::make_temporary_password(hasher);
};

TEST_F(PupilCredentialsTest, CreatesAnAccountForAPupilWithoutOne) {
    auto issued = issue_credentials(pupil(), users, temporary, 1000, EmailAccounts::LeaveAlone);

    ASSERT_TRUE(issued);
    EXPECT_TRUE(issued->account_created);
    EXPECT_EQ(issued->username, "jean.dupont2412");
    EXPECT_TRUE(users.all().at(0).must_change_password);
    EXPECT_TRUE(hasher.verify(issued->password, users.all().at(0).password_hash));
}

TEST_F(PupilCredentialsTest, ResetsThePasswordOfAPupilWhoHasAUsername) {
    Learner learner = pupil();
    learner.user_id = *users.create({"Jean", "Dupont", std::nullopt, "jean.dupont2412", "old", false, {}, 1});

    auto issued = issue_credentials(learner, users, temporary, 1000, EmailAccounts::LeaveAlone);

    ASSERT_TRUE(issued);
    EXPECT_FALSE(issued->account_created);
    EXPECT_EQ(issued->username, "jean.dupont2412");
    EXPECT_TRUE(hasher.verify(issued->password, users.all().at(0).password_hash));
}

TEST_F(PupilCredentialsTest, LeavesAnAccountWithAnEmailUntouched) {
    Learner learner = pupil();
    learner.user_id = *users.create({"Jean", "Dupont", "jean@exemple.fr", std::nullopt, "old", false, {}, 1});

    auto issued = issue_credentials(learner, users, temporary, 1000, EmailAccounts::LeaveAlone);

    EXPECT_EQ(issued.error().reason, "learner.account_has_email");
    EXPECT_EQ(users.all().at(0).password_hash, "old");
    EXPECT_FALSE(users.all().at(0).username.has_value());
}

TEST_F(PupilCredentialsTest, LeavesAnAccountWithAnEmailAndAUsernameUntouched) {
    Learner learner = pupil();
    learner.user_id = *users.create({"Jean", "Dupont", "jean@exemple.fr", "jean.dupont2412", "old", false, {}, 1});

    EXPECT_EQ(issue_credentials(learner, users, temporary, 1000, EmailAccounts::LeaveAlone).error().reason,
              "learner.account_has_email");
    EXPECT_EQ(users.all().at(0).password_hash, "old");
}

TEST_F(PupilCredentialsTest, AddsAUsernameToAnEmailAccountWhenAskedForOnePupil) {
    Learner learner = pupil();
    learner.user_id = *users.create({"Jean", "Dupont", "jean@exemple.fr", std::nullopt, "old", false, {}, 1});

    auto issued = issue_credentials(learner, users, temporary, 1000, EmailAccounts::AddUsername);

    ASSERT_TRUE(issued);
    EXPECT_EQ(issued->username, "jean.dupont2412");
    EXPECT_EQ(users.all().at(0).email, "jean@exemple.fr");
    EXPECT_EQ(users.all().at(0).username, "jean.dupont2412");
    EXPECT_TRUE(users.all().at(0).must_change_password);
    EXPECT_TRUE(hasher.verify(issued->password, users.all().at(0).password_hash));
}

TEST_F(PupilCredentialsTest, GivesAnotherUsernameWhenTheNaturalOneIsTaken) {
    (void)users.create({"Jean", "Dupont", std::nullopt, "jean.dupont2412", "x", false, {}, 1});

    auto issued = issue_credentials(pupil(), users, temporary, 1000, EmailAccounts::LeaveAlone);

    ASSERT_TRUE(issued);
    EXPECT_NE(issued->username, "jean.dupont2412");
    EXPECT_EQ(issued->username.rfind("jean.dupont", 0), 0U);
}

TEST_F(PupilCredentialsTest, RefusesADisabledLearner) {
    Learner learner = pupil();
    learner.disabled = true;

    EXPECT_EQ(issue_credentials(learner, users, temporary, 1000, EmailAccounts::LeaveAlone).error().reason,
              "learner.disabled");
}

TEST_F(PupilCredentialsTest, StoresThePasswordHashedBeforehandAndGivesItsClearText) {
    auto issued = issue_credentials(pupil(), users, temporary, 1000, EmailAccounts::LeaveAlone);

    ASSERT_TRUE(issued);
    EXPECT_EQ(issued->password, temporary.password);
    EXPECT_EQ(users.all().at(0).password_hash, temporary.hash);
}

} // namespace
} // namespace numeria::organizations
