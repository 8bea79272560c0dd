#include "organizations/learners/import_plan.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

LearnerRecord record(const std::string& ine, const std::string& division = "6A") {
    LearnerRecord result;
    result.key = ine;
    result.first_name = "Inès";
    result.last_name = "Martin";
    result.division = division;
    return result;
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

TEST(ImportPlan, GivesANewPupilTheAccountLinkedInAnotherSchool) {
    ImportPlan plan = plan_import({}, {record("A")}, {{"A", 55}}, true);

    EXPECT_EQ(plan.to_create.at(0).second, 55);
}

TEST(ImportPlan, AttachesTheAccountLinkedInAnotherSchoolToAPupilWithout) {
    ImportPlan plan = plan_import({stored(1, record("A"))}, {record("A")}, {{"A", 55}}, true);

    ASSERT_EQ(plan.to_update.size(), 1U);
    EXPECT_EQ(plan.to_update[0].user_id, 55);
}

TEST(ImportPlan, NeverRelinksAnAccountATeacherDissociated) {
    Learner learner = stored(1, record("A"));
    learner.dissociated_user_id = 55;

    ImportPlan plan = plan_import({learner}, {record("A")}, {{"A", 55}}, true);

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
