#include "storage/sql_unit_of_work.hpp"

#include "storage/evaluation/sql_assessment_store.hpp"
#include "storage/identity/sql_national_admin_repository.hpp"
#include "storage/identity/sql_session_repository.hpp"
#include "storage/identity/sql_throttle_repository.hpp"
#include "storage/identity/sql_token_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/identity/sql_viewer_query.hpp"
#include "storage/jobs/sql_job_queue.hpp"
#include "storage/organizations/sql_credential_batch_repository.hpp"
#include "storage/organizations/sql_learner_import_repository.hpp"
#include "storage/organizations/sql_learner_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "storage/organizations/sql_team_repositories.hpp"

#include <memory>

namespace numeria::storage {

namespace {

// Each repository is made the first time the use case asks for it: most use cases need two.
template <typename Repository>
Repository& lazy(std::unique_ptr<Repository>& slot, soci::session& sql) {
    if (!slot)
        slot = std::make_unique<Repository>(sql);
    return *slot;
}

class SqlUnitOfWork final : public application::UnitOfWork {
public:
    explicit SqlUnitOfWork(soci::session& sql)
        : m_sql(sql) {}
    identity::UserRepository& users() override { return lazy(m_users, m_sql); }
    identity::SessionRepository& sessions() override { return lazy(m_sessions, m_sql); }
    identity::OneTimeTokenRepository& password_resets() override { return lazy(m_resets, m_sql); }
    identity::OneTimeTokenRepository& account_unlocks() override { return lazy(m_unlocks, m_sql); }
    identity::NationalAdminRepository& national_admins() override { return lazy(m_admins, m_sql); }
    identity::ThrottleRepository& throttle() override { return lazy(m_throttle, m_sql); }
    organizations::EstablishmentRepository& establishments() override { return lazy(m_establishments, m_sql); }
    organizations::OrganizationRepository& organizations() override { return lazy(m_organizations, m_sql); }
    organizations::MembershipRepository& memberships() override { return lazy(m_memberships, m_sql); }
    organizations::InvitationRepository& invitations() override { return lazy(m_invitations, m_sql); }
    organizations::AuditLog& audit() override { return lazy(m_audit, m_sql); }
    organizations::ActivationRepository& activations() override { return lazy(m_activations, m_sql); }
    organizations::LearnerRepository& learner_records() override { return lazy(m_learners, m_sql); }
    organizations::LearnerDirectory& learners() override { return lazy(m_learners, m_sql); }
    organizations::LearnerImportQueue& learner_imports() override { return lazy(m_imports, m_sql); }
    organizations::CredentialBatchRepository& credential_batches() override { return lazy(m_batches, m_sql); }
    assessment::evaluation::AssessmentStore& assessments() override { return lazy(m_assessments, m_sql); }
    application::JobQueue& jobs() override { return lazy(m_jobs, m_sql); }
    application::ViewerQuery& viewers() override { return lazy(m_viewers, m_sql); }

private:
    soci::session& m_sql;
    std::unique_ptr<SqlUserRepository> m_users;
    std::unique_ptr<SqlSessionRepository> m_sessions;
    std::unique_ptr<SqlPasswordResetRepository> m_resets;
    std::unique_ptr<SqlAccountUnlockRepository> m_unlocks;
    std::unique_ptr<SqlNationalAdminRepository> m_admins;
    std::unique_ptr<SqlThrottleRepository> m_throttle;
    std::unique_ptr<SqlEstablishmentRepository> m_establishments;
    std::unique_ptr<SqlOrganizationRepository> m_organizations;
    std::unique_ptr<SqlMembershipRepository> m_memberships;
    std::unique_ptr<SqlInvitationRepository> m_invitations;
    std::unique_ptr<SqlAuditLog> m_audit;
    std::unique_ptr<SqlActivationRepository> m_activations;
    std::unique_ptr<SqlLearnerRepository> m_learners;
    std::unique_ptr<SqlLearnerImportRepository> m_imports;
    std::unique_ptr<SqlCredentialBatchRepository> m_batches;
    std::unique_ptr<SqlAssessmentStore> m_assessments;
    std::unique_ptr<SqlJobQueue> m_jobs;
    std::unique_ptr<SqlViewerQuery> m_viewers;
};

TxMode storage_mode(application::TxMode mode) {
    switch (mode) {
    case application::TxMode::Read:
        return TxMode::Read;
    case application::TxMode::Write:
        return TxMode::Write;
    case application::TxMode::Durable:
        return TxMode::Durable;
    case application::TxMode::SingleRead:
        return TxMode::SingleRead;
    }
    return TxMode::Write;
}

} // namespace

Status SqlTransactions::run(application::TxMode mode, const std::function<Status(application::UnitOfWork&)>& work) {
    return m_db.transact_status(storage_mode(mode), [&work](soci::session& sql) -> Status {
        SqlUnitOfWork uow(sql);
        return work(uow);
    });
}

bool SqlTransactions::ping() {
    int one = 0;
    m_db.read([&one](soci::session& sql) { sql << "SELECT 1", soci::into(one); });
    return one == 1;
}

const char* SqlTransactions::engine_name() const {
    return storage::engine_name(m_db.engine());
}

application::PoolStats SqlTransactions::pool_stats() const {
    const PoolStats stats = m_db.pool_stats();
    return application::PoolStats{stats.size, stats.in_use, stats.leases, stats.waits};
}

} // namespace numeria::storage
