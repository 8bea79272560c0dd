#include "application/learners/credential_batch_job.hpp"

#include "organizations/use_cases/pupil_credentials.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <stdexcept>

namespace numeria::application {

namespace {

long long batch_of(const Job& job) {
    const nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
    if (!payload.is_object() || !payload.contains("batch") || !payload["batch"].is_number_integer())
        throw std::runtime_error("credential batch job without a batch id");
    return payload["batch"].get<long long>();
}

// What the job does next: the batch's first pending line, if the batch still runs.
struct Next {
    std::optional<organizations::CredentialBatch> batch;
    std::optional<organizations::CredentialBatchLine> line;
};

} // namespace

void enqueue_credential_batch(UnitOfWork& uow, long long id, EpochMs now) {
    uow.jobs().enqueue(CREDENTIAL_BATCH_JOB, nlohmann::json{{"batch", id}}.dump(), MAX_CREDENTIAL_BATCH_ATTEMPTS, now,
                       now);
}

Status CredentialBatchJob::run(const Job& job) {
    const long long id = batch_of(job);
    for (;;) {
        Next next;
        (void)m_app.tx.read([&](UnitOfWork& uow) -> Status {
            next.batch = uow.credential_batches().find_any(id);
            if (next.batch && next.batch->state == organizations::BatchState::Running)
                next.line = uow.credential_batches().next_pending(id);
            return {};
        });
        if (!next.batch || next.batch->state != organizations::BatchState::Running)
            return {}; // replaced meanwhile, or already finished
        if (!next.line) {
            return m_app.tx.write([&](UnitOfWork& uow) -> Status {
                if (!uow.jobs().renew(job.id, job.token, m_app.clock.now() + job.claim.count()))
                    return fail(Error{ErrorCode::Unavailable, "job.claim_lost", {}});
                uow.credential_batches().finish(id, m_app.clock.now());
                return {};
            });
        }
        // Rule: docs/rules/security.md "Password hashing": hashed by the pool, outside the transaction.
        NUMERIA_TRY(identity::TemporaryPassword temporary, identity::make_temporary_password(m_app.hashing));
        const organizations::CredentialBatch& batch = *next.batch;
        const organizations::CredentialBatchLine& line = *next.line;
        NUMERIA_TRY_STATUS(m_app.tx.durable([&](UnitOfWork& uow) -> Status {
            if (!uow.jobs().renew(job.id, job.token, m_app.clock.now() + job.claim.count()))
                return fail(Error{ErrorCode::Unavailable, "job.claim_lost", {}});
            auto pending = uow.credential_batches().next_pending(id);
            if (!pending || pending->position != line.position)
                return {}; // written by another run meanwhile
            auto row = uow.learners().find(batch.organization_id, line.learner_id);
            if (!row) {
                uow.credential_batches().record_skipped(id, line.position, "learner.not_found");
                return {};
            }
            // Rule: docs/rules/accounts.md "Class credentials batches": an account that got an e-mail
            // address since the confirmation is left alone.
            auto issued = organizations::issue_credentials(row->learner, uow.users(), temporary, m_app.clock.now(),
                                                           organizations::EmailAccounts::LeaveAlone);
            if (!issued) {
                uow.credential_batches().record_skipped(id, line.position, issued.error().reason);
                return {};
            }
            if (issued->account_created)
                uow.learners().set_user(row->learner.id, issued->user_id, m_app.clock.now());
            uow.credential_batches().record_issued(id, line.position, issued->username,
                                                   m_app.sealing.seal(issued->password));
            uow.audit().record({batch.organization_id, batch.created_by,
                                issued->account_created ? "credentials.created" : "credentials.reset",
                                line.first_name + " " + line.last_name + " (" + line.division + ")",
                                "Identifiant " + issued->username + ", lot de la classe " + batch.division,
                                batch.created_ip, m_app.clock.now()});
            return {};
        }));
    }
}

void CredentialBatchJob::give_up(const Job& job) {
    const long long id = batch_of(job);
    spdlog::error(nlohmann::json{{"msg", "credential batch given up"}, {"batch", id}}.dump());
    (void)m_app.tx.write([&](UnitOfWork& uow) -> Status {
        while (auto line = uow.credential_batches().next_pending(id))
            uow.credential_batches().record_skipped(id, line->position, "batch.failed");
        uow.credential_batches().finish(id, m_app.clock.now());
        return {};
    });
}

} // namespace numeria::application
