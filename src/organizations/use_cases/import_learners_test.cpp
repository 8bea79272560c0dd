#include "organizations/use_cases/import_learners.hpp"
#include "tests/support/organizations/in_memory_learners.hpp"
#include "tests/support/organizations/in_memory_repositories.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

constexpr OrganizationId SCHOOL_A = 1;
constexpr OrganizationId SCHOOL_B = 2;

LearnerRecord pupil(const std::string& ine, const std::string& last_name) {
    LearnerRecord record;
    record.key = ine;
    record.last_name = last_name;
    record.first_name = "Inès";
    record.birthdate = "2012-03-04";
    record.division = "6A";
    return record;
}

class ImportLearnersTest : public ::testing::Test {
protected:
    ImportOutcome import_in_b(const std::vector<LearnerRecord>& records) {
        ParsedFile file;
        file.learners = records;
        Organization school_b;
        school_b.id = SCHOOL_B;
        school_b.name = "Lycée B";
        school_b.uai = "0759902B";
        return apply_import(file, ImportFormat::Siecle, school_b, true, m_learners, m_audit, 1000);
    }
    // Pupil `ine` of school A, known there as "Martin", with account `user`.
    void account_in_a(const std::string& ine, std::int64_t user) {
        m_learners.elsewhere[ine].push_back(AccountElsewhere{user, SCHOOL_A, pupil(ine, "Martin")});
    }

    testing::InMemoryLearners m_learners;
    testing::InMemoryAuditLog m_audit;
};

TEST_F(ImportLearnersTest, TellsTheImportingSchoolWhyAPupilGotNoAccount) {
    account_in_a("123456789AB", 55);

    ImportOutcome outcome = import_in_b({pupil("123456789AB", "Intrus")});

    ASSERT_EQ(outcome.notices.size(), 1U);
    EXPECT_EQ(outcome.notices[0].code, "ACCOUNT_NOT_INHERITED");
    EXPECT_EQ(outcome.notices[0].ine, "123456789AB");
    EXPECT_TRUE(outcome.errors.empty());
    EXPECT_EQ(m_learners.learners.at(0).user_id, std::nullopt);
}

TEST_F(ImportLearnersTest, KeepsTheFirst100NoticesAndCountsThemAll) {
    std::vector<LearnerRecord> records;
    for (int i = 0; i < 150; ++i) {
        const std::string ine = "INE" + std::to_string(1000 + i);
        account_in_a(ine, 1000 + i);
        records.push_back(pupil(ine, "Intrus"));
    }

    ImportOutcome outcome = import_in_b(records);

    EXPECT_EQ(outcome.notices.size(), 100U);
    EXPECT_EQ(outcome.notice_count, 150);
    EXPECT_EQ(outcome.imported, 150);
}

TEST_F(ImportLearnersTest, WritesTheLinkInTheJournalOfTheSchoolTheAccountCameFrom) {
    account_in_a("123456789AB", 55);

    ImportOutcome outcome = import_in_b({pupil("123456789AB", "MARTIN")});

    const std::vector<AuditEvent> events = m_audit.list(SCHOOL_A, 10);
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0].action, ACCOUNT_LINKED_ELSEWHERE);
    EXPECT_EQ(events[0].target, "123456789AB");
    EXPECT_EQ(events[0].detail, "Rattaché par Lycée B (UAI 0759902B)");
    EXPECT_TRUE(m_audit.list(SCHOOL_B, 10).empty());
    ASSERT_EQ(outcome.inherited_accounts.size(), 1U);
    EXPECT_EQ(outcome.inherited_accounts[0].from_organization, SCHOOL_A);
}

TEST_F(ImportLearnersTest, WritesNoJournalEventWhileWaitingForConfirmation) {
    account_in_a("123456789AB", 55);
    for (int i = 0; i < 3; ++i) {
        Learner learner;
        learner.organization_id = SCHOOL_B;
        learner.record = pupil("OLD" + std::to_string(i), "Ancien");
        m_learners.learners.push_back(learner);
    }
    ParsedFile file;
    file.learners = {pupil("123456789AB", "Martin")};
    Organization school_b;
    school_b.id = SCHOOL_B;

    ImportOutcome outcome = apply_import(file, ImportFormat::Siecle, school_b, false, m_learners, m_audit, 1000);

    EXPECT_EQ(outcome.status, "CONFIRMATION_REQUIRED");
    EXPECT_TRUE(m_audit.list(SCHOOL_A, 10).empty());
    EXPECT_TRUE(outcome.inherited_accounts.empty());
}

} // namespace
} // namespace numeria::organizations
