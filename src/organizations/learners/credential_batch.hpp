// credential_batch.hpp: a class's batch of pupils' credentials (docs/rules/accounts.md "Class
// credentials batches"): who of the class gets a new temporary password, the batch that a job
// fills one pupil at a time, and its repository port.
#pragma once

#include "core/clock.hpp"
#include "identity/domain/user.hpp"
#include "organizations/domain/organization.hpp"
#include "organizations/learners/learner_query.hpp"

#include <optional>
#include <string>
#include <vector>

namespace numeria::organizations {

// What a class batch does for one pupil of the class.
enum class CredentialPlan {
    NewAccount,     // no account yet: one is created, with a username and a temporary password
    NewPassword,    // logs in with a username and has not chosen a password yet: a new temporary one
    ChosenPassword, // logs in with a username and a password they chose: left alone unless ticked
    EmailAccount,   // logs in with an e-mail address: always left alone ("Mot de passe oublié")
    NotPossible,    // disabled, or no birth date to build a username from
};

[[nodiscard]] CredentialPlan plan_credentials(const LearnerRow& row);

// Whether the pupil gets a new password in a batch that includes the ticked `chosen` pupils.
[[nodiscard]] bool gets_password(CredentialPlan plan, bool ticked);

enum class BatchState { Running, Done, Replaced };

struct CredentialBatch {
    long long id = 0;
    OrganizationId organization_id = 0;
    std::string division;
    BatchState state = BatchState::Running;
    std::optional<identity::UserId> created_by;
    std::string created_by_name; // "Prénom Nom" of the account that asked for it, when it still exists
    std::string created_ip;
    EpochMs created_at = 0;
    std::optional<EpochMs> finished_at;
    int total = 0;   // lines
    int pending = 0; // lines still to issue
    int issued = 0;
};

enum class LineOutcome { Pending, Issued, Skipped };

struct CredentialBatchLine {
    int position = 0;
    LearnerId learner_id = 0;
    std::string division;
    std::string last_name;
    std::string first_name;
    LineOutcome outcome = LineOutcome::Pending;
    std::string reason;            // why it was skipped (a rule's reason code)
    std::string username;          // once issued
    std::string sealed_password;   // once issued, until the batch is replaced
    bool password_changed = false; // the pupil has chosen their own password since
};

class CredentialBatchRepository {
public:
    virtual ~CredentialBatchRepository() = default;
    // Holds the organisation's batches until the transaction ends (PostgreSQL; SQLite has one
    // writer at a time): two requests starting a class's batch at once are taken in turn.
    virtual void lock_organization(OrganizationId /*organization*/) {}
    // A RUNNING batch with its PENDING lines (positions from 0).
    [[nodiscard]] virtual long long create(const CredentialBatch& batch,
                                           const std::vector<CredentialBatchLine>& lines) = 0;
    [[nodiscard]] virtual std::optional<CredentialBatch> find(OrganizationId organization, long long id) = 0;
    [[nodiscard]] virtual std::optional<CredentialBatch> find_any(long long id) = 0; // the job's lookup
    // The class's most recent batch.
    [[nodiscard]] virtual std::optional<CredentialBatch> latest(OrganizationId organization,
                                                                const std::string& division) = 0;
    [[nodiscard]] virtual std::vector<CredentialBatchLine> lines(long long batch) = 0;
    [[nodiscard]] virtual std::optional<CredentialBatchLine> next_pending(long long batch) = 0;
    virtual void record_issued(long long batch, int position, const std::string& username,
                               const std::string& sealed_password) = 0;
    virtual void record_skipped(long long batch, int position, const std::string& reason) = 0;
    virtual void finish(long long batch, EpochMs now) = 0;
    // Every older batch of the class becomes REPLACED and loses its sealed passwords; their
    // PENDING lines are skipped.
    virtual void replace_older(OrganizationId organization, const std::string& division, long long newest) = 0;
};

} // namespace numeria::organizations
