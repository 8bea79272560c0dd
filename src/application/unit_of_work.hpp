// unit_of_work.hpp: the application layer's door to storage (docs/adr/0008-application-layer.md).
// A use case asks `Transactions` for one transaction and gets a `UnitOfWork` that hands out the
// repositories by their port interfaces; storage/sql_unit_of_work.cpp implements both on SQL. The
// transaction commits when the work returns a value and rolls back when it returns an error, so
// a refused use case leaves no write behind; a use case that must keep writes although it refuses
// (the log-in throttle counts a failed attempt) returns a value that holds the refusal.
//
//     Result<Organization> found = tx.read([&](UnitOfWork& uow) -> Result<Organization> {
//         auto organization = uow.organizations().find(id);
//         if (!organization) return fail(Error::not_found("organization.not_found"));
//         return *organization;
//     });
#pragma once

#include "application/job_queue.hpp"
#include "application/viewer_query.hpp"
#include "assessment/evaluation/assessment_store.hpp"
#include "core/result.hpp"
#include "identity/ports.hpp"
#include "organizations/learners/credential_batch.hpp"
#include "organizations/learners/learner_directory.hpp"
#include "organizations/learners/learner_import_queue.hpp"
#include "organizations/learners/learner_ports.hpp"
#include "organizations/ports.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace numeria::application {

class UnitOfWork {
public:
    virtual ~UnitOfWork() = default;
    virtual identity::UserRepository& users() = 0;
    virtual identity::SessionRepository& sessions() = 0;
    virtual identity::OneTimeTokenRepository& password_resets() = 0;
    virtual identity::OneTimeTokenRepository& account_unlocks() = 0;
    virtual identity::NationalAdminRepository& national_admins() = 0;
    virtual identity::ThrottleRepository& throttle() = 0;
    virtual organizations::EstablishmentRepository& establishments() = 0;
    virtual organizations::OrganizationRepository& organizations() = 0;
    virtual organizations::MembershipRepository& memberships() = 0;
    virtual organizations::InvitationRepository& invitations() = 0;
    virtual organizations::AuditLog& audit() = 0;
    virtual organizations::ActivationRepository& activations() = 0;
    virtual organizations::LearnerRepository& learner_records() = 0; // what an import applies
    virtual organizations::LearnerDirectory& learners() = 0;
    virtual organizations::LearnerImportQueue& learner_imports() = 0;
    virtual organizations::CredentialBatchRepository& credential_batches() = 0;
    virtual assessment::evaluation::AssessmentStore& assessments() = 0;
    virtual JobQueue& jobs() = 0;
    virtual ViewerQuery& viewers() = 0;
};

// Read: a read transaction. Write: a write (one writer at a time on SQLite). Durable: a write
// whose commit reaches the disk before it returns. SingleRead: work that runs ONE read statement,
// without BEGIN/COMMIT around it (the caller's lookup on every signed-in request).
enum class TxMode { Read, Write, Durable, SingleRead };

struct PoolStats {
    std::size_t size = 0;
    std::size_t in_use = 0;
    std::uint64_t leases = 0;
    std::uint64_t waits = 0; // leases that had to wait for a free session
};

class Transactions {
public:
    virtual ~Transactions() = default;
    // Runs `work` in one transaction: commit on a value, rollback on an error or an exception.
    // Retries PostgreSQL serialisation failures and deadlocks; a unique-key clash becomes
    // AlreadyExists "storage.unique_violation".
    [[nodiscard]] virtual Status run(TxMode mode, const std::function<Status(UnitOfWork&)>& work) = 0;
    // Whether the database answers (GET /healthz).
    [[nodiscard]] virtual bool ping() = 0;
    [[nodiscard]] virtual const char* engine_name() const = 0;
    [[nodiscard]] virtual PoolStats pool_stats() const = 0;

    // `work` returns Result<T> (or Status); so does the call.
    template <typename Work>
    auto transact(TxMode mode, Work&& work) -> std::invoke_result_t<Work, UnitOfWork&> {
        using Outcome = std::invoke_result_t<Work, UnitOfWork&>;
        std::optional<Outcome> outcome;
        Status status = run(mode, [&](UnitOfWork& uow) -> Status {
            outcome.emplace(work(uow));
            if (!outcome->has_value())
                return fail(outcome->error());
            return {};
        });
        if (!status)
            return fail(status.error());
        return std::move(*outcome);
    }
    template <typename Work>
    auto read(Work&& work) {
        return transact(TxMode::Read, std::forward<Work>(work));
    }
    template <typename Work>
    auto write(Work&& work) {
        return transact(TxMode::Write, std::forward<Work>(work));
    }
    template <typename Work>
    auto durable(Work&& work) {
        return transact(TxMode::Durable, std::forward<Work>(work));
    }
};

} // namespace numeria::application
