#include "application/learners/learner_import_job.hpp"

#include "application/learners/import_outcome_json.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <stdexcept>

namespace numeria::application {

namespace {

// The job's claim went to another runner (this one stalled past its expiry): it writes nothing more.
struct ClaimLost : std::runtime_error {
    ClaimLost()
        : std::runtime_error("claim lost to another runner") {}
};

void log_failure(long long id, const std::string& what) {
    spdlog::error(nlohmann::json{{"msg", "learner import failed"}, {"import", id}, {"error", what}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string dumped(const organizations::ImportOutcome& outcome) {
    return import_outcome_json(outcome).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

long long import_of(const Job& job) {
    const nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
    if (!payload.is_object() || !payload.contains("import") || !payload["import"].is_number_integer())
        throw std::runtime_error("learner import job without an import id");
    return payload["import"].get<long long>();
}

} // namespace

void enqueue_learner_import(UnitOfWork& uow, long long id, EpochMs now) {
    uow.jobs().enqueue(LEARNER_IMPORT_JOB, nlohmann::json{{"import", id}}.dump(), organizations::MAX_IMPORT_ATTEMPTS,
                       now, now);
}

// Every write of the job first renews its claim, in the same transaction: if another runner took
// the job meanwhile, nothing is written.
void LearnerImportJob::write(const Job& job, const std::function<void(UnitOfWork&)>& change, bool durable) {
    auto work = [&](UnitOfWork& uow) -> Status {
        if (!uow.jobs().renew(job.id, job.token, m_clock.now() + job.claim.count()))
            throw ClaimLost();
        change(uow);
        return {};
    };
    (void)(durable ? m_tx.durable(work) : m_tx.write(work));
}

Status LearnerImportJob::run(const Job& job) {
    const long long id = import_of(job);
    std::optional<organizations::LearnerImport> import;
    (void)m_tx.read([&](UnitOfWork& uow) -> Status {
        import = uow.learner_imports().find_by_id(id);
        return {};
    });
    // A cancelled or finished import (or one enqueued twice) has nothing left to run.
    if (!import || !import->running)
        return {};
    try {
        run_import(job, *import);
    } catch (const ClaimLost&) {
        log_failure(id, "claim lost to another runner");
        return fail(Error{ErrorCode::Unavailable, "job.claim_lost", {}});
    } catch (const std::exception& error) {
        // Rule: docs/rules/student-import.md "Import jobs": an import that fails unexpectedly rests
        // in IMPORT_ERROR (nothing applied: the apply is one transaction) rather than running again.
        log_failure(id, error.what());
        write(job, [&](UnitOfWork& uow) {
            uow.learner_imports().finish(id, "IMPORT_ERROR", dumped(failed_import_outcome()), false, m_clock.now());
        });
    }
    return {};
}

void LearnerImportJob::give_up(const Job& job) {
    // Rule: docs/rules/student-import.md "Import jobs": a file whose runs were interrupted
    // MAX_IMPORT_ATTEMPTS times (its process died each time) is not run again.
    const long long id = import_of(job);
    log_failure(id, "attempts exhausted");
    write(job, [&](UnitOfWork& uow) {
        uow.learner_imports().finish(id, "IMPORT_ERROR", dumped(retries_exhausted_outcome()), false, m_clock.now());
    });
}

void LearnerImportJob::run_import(const Job& job, const organizations::LearnerImport& import) {
    std::optional<organizations::Organization> organization;
    std::optional<std::string> bytes;
    write(job, [&](UnitOfWork& uow) { uow.learner_imports().start_attempt(import.id, job.attempts, m_clock.now()); });
    (void)m_tx.read([&](UnitOfWork& uow) -> Status {
        organization = uow.organizations().find(import.organization_id);
        bytes = uow.learner_imports().read_file(import.id);
        return {};
    });
    const auto format = organizations::parse_import_format(import.format);
    if (!organization || !format || !bytes)
        throw std::runtime_error("organisation, format or file missing");
    const organizations::ParsedFile file =
        organizations::validate_import_file(*format, *bytes, organization->uai.value_or(""));
    bytes.reset();
    if (file.refused()) {
        write(job, [&](UnitOfWork& uow) {
            uow.learner_imports().finish(import.id, "VALIDATION_ERROR", dumped(organizations::refused_outcome(file)),
                                         false, m_clock.now());
        });
        return;
    }
    organizations::ImportOutcome validated;
    validated.status = "VALIDATED";
    validated.skipped = file.skipped;
    validated.imported = static_cast<int>(file.learners.size());
    write(job, [&](UnitOfWork& uow) {
        uow.learner_imports().progress(import.id, "VALIDATED", dumped(validated), m_clock.now());
    });
    // Rule: docs/rules/student-import.md: all or nothing: the learners and the import's outcome in one
    // durable transaction, which first renews the job's claim (so no other runner can take it until
    // this one commits or rolls back).
    organizations::ImportOutcome outcome;
    write(
        job,
        [&](UnitOfWork& uow) {
            outcome = organizations::apply_import(file, *format, *organization, import.confirmed, uow.learner_records(),
                                                  uow.audit(), m_clock.now());
            const bool waiting = outcome.status == "CONFIRMATION_REQUIRED";
            uow.learner_imports().finish(import.id, waiting ? "VALIDATED" : "IMPORTED", dumped(outcome), waiting,
                                         m_clock.now());
        },
        true);
    after_import(*organization, outcome);
}

// The import is committed: a failure here is logged and never turns it into an error.
void LearnerImportJob::after_import(const organizations::Organization& organization,
                                    const organizations::ImportOutcome& outcome) {
    if (!m_after_import)
        return;
    try {
        m_after_import(organization, outcome);
    } catch (const std::exception& error) {
        spdlog::error(nlohmann::json{{"msg", "after learner import failed"}, {"error", error.what()}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}

} // namespace numeria::application
