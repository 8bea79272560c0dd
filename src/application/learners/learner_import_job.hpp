// learner_import_job.hpp: the background run of a student-base import, as a job of the jobs table
// (docs/rules/student-import.md "Import jobs"). The upload (or the confirmation) enqueues it in the
// transaction that records the file; the job runner claims it, renews its claim while it runs and
// takes it again when its process died. The job validates the file (UPLOADED → VALIDATED |
// VALIDATION_ERROR), then applies it in one transaction (→ IMPORTED | IMPORT_ERROR, or VALIDATED
// waiting for a confirmation); every write checks that the job's claim is still its own. After
// MAX_IMPORT_ATTEMPTS runs that never came to rest (each killed its process), the import ends in
// IMPORT_ERROR instead of being run again.
#pragma once

#include "application/job_queue.hpp"
#include "application/unit_of_work.hpp"
#include "core/clock.hpp"
#include "organizations/use_cases/import_learners.hpp"

#include <functional>

namespace numeria::application {

inline constexpr const char* LEARNER_IMPORT_JOB = "learner_import";

// Called after an import's transaction committed, with the importing organisation and the outcome
// (e.g. to mail the schools whose pupils' accounts it linked).
using AfterImport = std::function<void(const organizations::Organization&, const organizations::ImportOutcome&)>;

// Enqueues the run of import `id` (inside the transaction that made it ready to run).
void enqueue_learner_import(UnitOfWork& uow, long long id, EpochMs now);

class LearnerImportJob {
public:
    LearnerImportJob(Transactions& tx, const Clock& clock, AfterImport after_import = {})
        : m_tx(tx)
        , m_clock(clock)
        , m_after_import(std::move(after_import)) {}

    // The job's handler: Ok once the import rests (even in error: the import records why).
    [[nodiscard]] Status run(const Job& job);
    // The job's give-up hook: its runs were all interrupted; the import ends in IMPORT_ERROR.
    void give_up(const Job& job);

private:
    void run_import(const Job& job, const organizations::LearnerImport& import);
    void write(const Job& job, const std::function<void(UnitOfWork&)>& change, bool durable = false);
    void after_import(const organizations::Organization& organization, const organizations::ImportOutcome& outcome);

    Transactions& m_tx;
    const Clock& m_clock;
    AfterImport m_after_import;
};

} // namespace numeria::application
