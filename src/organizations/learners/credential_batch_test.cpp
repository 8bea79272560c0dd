#include "organizations/learners/credential_batch.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

LearnerRow pupil() {
    LearnerRow row;
    row.learner.id = 7;
    row.learner.record.first_name = "Léa";
    row.learner.record.last_name = "Martin";
    row.learner.record.birthdate = "2013-03-14";
    row.learner.record.division = "6A";
    return row;
}

LearnerRow with_account(const std::string& email, const std::string& username, bool temporary) {
    LearnerRow row = pupil();
    row.learner.user_id = 42;
    row.account_email = email;
    row.account_username = username;
    row.account_must_change_password = temporary;
    return row;
}

TEST(CredentialPlanRule, APupilWithoutAccountGetsOne) {
    EXPECT_EQ(plan_credentials(pupil()), CredentialPlan::NewAccount);
}

TEST(CredentialPlanRule, AUsernameWithAStillTemporaryPasswordGetsANewOne) {
    EXPECT_EQ(plan_credentials(with_account("", "lea.martin1403", true)), CredentialPlan::NewPassword);
}

TEST(CredentialPlanRule, AUsernameWhosePupilChoseTheirPasswordIsLeftToTheTeacher) {
    EXPECT_EQ(plan_credentials(with_account("", "lea.martin1403", false)), CredentialPlan::ChosenPassword);
}

TEST(CredentialPlanRule, AnEmailAccountIsNeverPartOfAClassBatch) {
    EXPECT_EQ(plan_credentials(with_account("lea@exemple.fr", "", false)), CredentialPlan::EmailAccount);
    EXPECT_EQ(plan_credentials(with_account("lea@exemple.fr", "lea.martin1403", true)), CredentialPlan::EmailAccount);
}

TEST(CredentialPlanRule, ADisabledPupilOrOneWithoutBirthDateCannotGetCredentials) {
    LearnerRow disabled = pupil();
    disabled.learner.disabled = true;
    LearnerRow undated = pupil();
    undated.learner.record.birthdate = "";
    EXPECT_EQ(plan_credentials(disabled), CredentialPlan::NotPossible);
    EXPECT_EQ(plan_credentials(undated), CredentialPlan::NotPossible);
}

TEST(CredentialPlanRule, AChosenPasswordIsResetOnlyWhenTicked) {
    EXPECT_FALSE(gets_password(CredentialPlan::ChosenPassword, false));
    EXPECT_TRUE(gets_password(CredentialPlan::ChosenPassword, true));
}

TEST(CredentialPlanRule, TickingNeverReachesAnEmailAccount) {
    EXPECT_FALSE(gets_password(CredentialPlan::EmailAccount, true));
    EXPECT_FALSE(gets_password(CredentialPlan::NotPossible, true));
    EXPECT_TRUE(gets_password(CredentialPlan::NewAccount, false));
    EXPECT_TRUE(gets_password(CredentialPlan::NewPassword, false));
}

} // namespace
} // namespace numeria::organizations
