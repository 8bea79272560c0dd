// credential_batch_job.hpp: the background run of a class's credentials batch (docs/rules/
// accounts.md "Class credentials batches"), a job of the jobs table. One pupil at a time: the
// temporary password is hashed by the hashing pool outside any transaction, then one durable
// transaction (which first renews the job's claim) gives it to the pupil's account, keeps it sealed
// on the batch's line and records the reset in the audit log. A job whose process died takes the
// batch up again at its first pending line; one that gave up skips the rest.
#pragma once

#include "application/job_queue.hpp"
#include "application/services.hpp"

namespace numeria::application {

inline constexpr const char* CREDENTIAL_BATCH_JOB = "credential_batch";
inline constexpr int MAX_CREDENTIAL_BATCH_ATTEMPTS = 3;

// Enqueues the run of batch `id` (inside the transaction that created it).
void enqueue_credential_batch(UnitOfWork& uow, long long id, EpochMs now);

class CredentialBatchJob {
public:
    explicit CredentialBatchJob(Services& app)
        : m_app(app) {}

    // The job's handler: Ok once every line of the batch is issued or skipped.
    [[nodiscard]] Status run(const Job& job);
    // The job's give-up hook: the lines still pending are skipped and the batch ends.
    void give_up(const Job& job);

private:
    Services& m_app;
};

} // namespace numeria::application
