// sql_learner_repository.hpp: learners on SQL (one text for SQLite and PostgreSQL): the import
// port, the students list and the pupil page (docs/rules/organizations.md "Students list").
#pragma once

#include "organizations/learners/learner_directory.hpp"
#include "organizations/learners/learner_ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlLearnerRepository final : public organizations::LearnerRepository, public organizations::LearnerDirectory {
public:
    explicit SqlLearnerRepository(soci::session& sql)
        : m_sql(sql) {}
    std::vector<organizations::Learner> list_all(std::int64_t organization) override;
    std::map<std::string, std::vector<organizations::AccountElsewhere>>
    accounts_elsewhere(std::int64_t organization, const std::set<std::string>& keys) override;
    void apply(std::int64_t organization, const organizations::ImportPlan& plan, EpochMs now) override;

    [[nodiscard]] organizations::LearnerPage search(const organizations::LearnerQuery& query) override;
    [[nodiscard]] std::optional<organizations::LearnerRow> find(std::int64_t organization,
                                                                organizations::LearnerId id) override;
    // The classes of the organisation's active learners, sorted.
    [[nodiscard]] std::vector<std::string> divisions(std::int64_t organization) override;
    [[nodiscard]] int count_active(std::int64_t organization) override;
    // Links a learner to an account.
    void set_user(organizations::LearnerId id, std::optional<std::int64_t> user, EpochMs now) override;
    // Unlinks the learner's account (a teacher found it wrongly linked) and remembers it, so that
    // imports never link it again (import_plan.cpp).
    void dissociate(organizations::LearnerId id, EpochMs now) override;
    // The learner's certificability and its date (docs/rules/organizations.md "Students list"); null: unknown.
    void set_certificability(organizations::LearnerId id, std::optional<bool> certifiable, std::optional<EpochMs> at,
                             EpochMs now);

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
