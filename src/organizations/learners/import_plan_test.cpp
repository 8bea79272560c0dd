#include "organizations/learners/import_plan.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

LearnerRecord record(const std::string& ine, const std::string& division = "6A") {
    LearnerRecord result;
    result.key = ine;
    result.first_name = "Inès";
    result.last_name = "Martin";
    result.birthdate = "2012-03-04";
    result.division = division;
    return result;
}

// The account 55, linked in organisation 9 to a learner known there as `known`.
std::map<std::string, std::vector<AccountElsewhere>> account_55_elsewhere(const LearnerRecord& known) {
    return {{known.key, {AccountElsewhere{55, 9, known}}}};
}

Learner stored(LearnerId id, const LearnerRecord& learner_record, bool disabled = false,
               std::optional<std::int64_t> user = std::nullopt) {
    Learner learner;
    learner.id = id;
    learner.record = learner_record;
    learner.disabled = disabled;
    learner.user_id = user;
    return learner;
}

TEST(ImportPlan, CreatesTheNewPupils) {
    ImportPlan plan = plan_import({}, {record("A"), record("B")}, {}, true);

    EXPECT_EQ(plan.to_create.size(), 2U);
}

TEST(ImportPlan, LeavesAnIdenticalPupilUnchanged) {
    LearnerRecord same = record("A");
    same.line = 42;

    ImportPlan plan = plan_import({stored(1, record("A"))}, {same}, {}, true);

    EXPECT_EQ(plan.unchanged, 1);
    EXPECT_TRUE(plan.to_update.empty());
}

TEST(ImportPlan, UpdatesAClassChangeAndKeepsTheAccount) {
    ImportPlan plan = plan_import({stored(1, record("A"), false, 77)}, {record("A", "5B")}, {}, true);

    ASSERT_EQ(plan.to_update.size(), 1U);
    EXPECT_EQ(plan.to_update[0].record.division, "5B");
    EXPECT_EQ(plan.to_update[0].user_id, 77);
}

TEST(ImportPlan, ReenablesAPupilWhoCameBack) {
    ImportPlan plan = plan_import({stored(1, record("A"), true)}, {record("A")}, {}, true);

    EXPECT_EQ(plan.to_update.size(), 1U);
}

TEST(ImportPlan, DisablesActivePupilsAbsentFromTheFile) {
    ImportPlan plan = plan_import({stored(1, record("A")), stored(2, record("B")), stored(3, record("C"), true)},
                                  {record("A")}, {}, true);

    EXPECT_EQ(plan.to_disable, std::vector<LearnerId>{2});
}

TEST(ImportPlan, KeepsAbsentPupilsInAddMode) {
    ImportPlan plan = plan_import({stored(1, record("A"))}, {record("B")}, {}, false);

    EXPECT_TRUE(plan.to_disable.empty());
}

TEST(ImportPlan, GivesANewPupilTheAccountLinkedInAnotherSchoolUnderTheSameIdentity) {
    ImportPlan plan = plan_import({}, {record("A")}, account_55_elsewhere(record("A", "3C")), true);

    EXPECT_EQ(plan.to_create.at(0).second, 55);
}

TEST(ImportPlan, TellsWhichSchoolAnInheritedAccountCameFrom) {
    ImportPlan plan = plan_import({}, {record("A")}, account_55_elsewhere(record("A")), true);

    ASSERT_EQ(plan.inherited.size(), 1U);
    EXPECT_EQ(plan.inherited[0].user_id, 55);
    EXPECT_EQ(plan.inherited[0].from_organization, 9);
    EXPECT_EQ(plan.inherited[0].record.key, "A");
}

TEST(ImportPlan, CreatesANewPupilWithoutTheAccountWhenTheLastNameDiffers) {
    LearnerRecord known = record("A");
    known.last_name = "Durand";

    ImportPlan plan = plan_import({}, {record("A")}, account_55_elsewhere(known), true);

    ASSERT_EQ(plan.to_create.size(), 1U);
    EXPECT_EQ(plan.to_create[0].second, std::nullopt);
    EXPECT_TRUE(plan.inherited.empty());
}

TEST(ImportPlan, CreatesANewPupilWithoutTheAccountWhenTheFirstNameDiffers) {
    LearnerRecord known = record("A");
    known.first_name = "Inés-Marie";

    ImportPlan plan = plan_import({}, {record("A")}, account_55_elsewhere(known), true);

    EXPECT_EQ(plan.to_create.at(0).second, std::nullopt);
}

TEST(ImportPlan, CreatesANewPupilWithoutTheAccountWhenTheBirthDateDiffers) {
    LearnerRecord known = record("A");
    known.birthdate = "2012-04-03";

    ImportPlan plan = plan_import({}, {record("A")}, account_55_elsewhere(known), true);

    EXPECT_EQ(plan.to_create.at(0).second, std::nullopt);
}

TEST(ImportPlan, ListsThePupilsWhoseAccountWasNotInherited) {
    LearnerRecord known = record("A");
    known.last_name = "Durand";

    ImportPlan plan = plan_import({}, {record("A"), record("B")}, account_55_elsewhere(known), true);

    ASSERT_EQ(plan.not_inherited.size(), 1U);
    EXPECT_EQ(plan.not_inherited[0].key, "A");
}

TEST(ImportPlan, InheritsWhenTheNamesDifferOnlyByCaseAccentsSpacesAndHyphens) {
    LearnerRecord incoming = record("A");
    incoming.first_name = "ELODIE";
    incoming.last_name = "LE-GOFF";
    LearnerRecord known = record("A");
    known.first_name = "Élodie";
    known.last_name = " Le Goff ";

    ImportPlan plan = plan_import({}, {incoming}, account_55_elsewhere(known), true);

    EXPECT_EQ(plan.to_create.at(0).second, 55);
}

TEST(ImportPlan, InheritsTheAccountOfTheSchoolThatKnowsTheSameIdentity) {
    LearnerRecord other = record("A");
    other.last_name = "Intrus";
    const std::map<std::string, std::vector<AccountElsewhere>> accounts = {
        {"A", {AccountElsewhere{66, 8, other}, AccountElsewhere{55, 9, record("A")}}}};

    ImportPlan plan = plan_import({}, {record("A")}, accounts, true);

    EXPECT_EQ(plan.to_create.at(0).second, 55);
    EXPECT_TRUE(plan.not_inherited.empty());
}

TEST(ImportPlan, AttachesTheAccountLinkedInAnotherSchoolToAPupilWithout) {
    ImportPlan plan = plan_import({stored(1, record("A"))}, {record("A")}, account_55_elsewhere(record("A")), true);

    ASSERT_EQ(plan.to_update.size(), 1U);
    EXPECT_EQ(plan.to_update[0].user_id, 55);
}

TEST(ImportPlan, DoesNotAttachTheAccountOfAnotherIdentityToAPupilWithout) {
    LearnerRecord known = record("A");
    known.first_name = "Paul";

    ImportPlan plan = plan_import({stored(1, record("A"))}, {record("A")}, account_55_elsewhere(known), true);

    EXPECT_TRUE(plan.to_update.empty());
    EXPECT_EQ(plan.unchanged, 1);
    EXPECT_EQ(plan.not_inherited.size(), 1U);
}

TEST(ImportPlan, NeverRelinksAnAccountATeacherDissociated) {
    Learner learner = stored(1, record("A"));
    learner.dissociated_user_id = 55;

    ImportPlan plan = plan_import({learner}, {record("A")}, account_55_elsewhere(record("A")), true);

    EXPECT_TRUE(plan.to_update.empty());
    EXPECT_EQ(plan.unchanged, 1);
}

TEST(ImportPlan, AsksForConfirmationWhenMoreThanHalfWouldBeDisabled) {
    ImportPlan plan =
        plan_import({stored(1, record("A")), stored(2, record("B")), stored(3, record("C"))}, {record("A")}, {}, true);

    EXPECT_TRUE(plan.needs_confirmation());
}

TEST(ImportPlan, DoesNotAskWhenExactlyHalfWouldBeDisabled) {
    ImportPlan plan = plan_import({stored(1, record("A")), stored(2, record("B"))}, {record("A")}, {}, true);

    EXPECT_FALSE(plan.needs_confirmation());
}

} // namespace
} // namespace numeria::organizations
