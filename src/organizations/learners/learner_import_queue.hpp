// learner_import_queue.hpp: the history and queue of student-base imports. The uploaded file is
// kept until the import ends, so an import the school was told about survives a restart; a worker
// claims one import at a time with a token and a short expiry it renews while working, so several
// processes never run the same import twice, and an import whose process died is taken again
// (docs/rules/student-import.md "Import jobs").
#pragma once

#include "core/clock.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace numeria::organizations {

// States: UPLOADED → VALIDATED | VALIDATION_ERROR → IMPORTED | IMPORT_ERROR; CANCELLED when the
// school gives up an import that asked for confirmation (docs/rules/student-import.md).
struct LearnerImport {
    long long id = 0;
    long long organization_id = 0;
    std::string format;
    std::string file_name;
    std::string state;
    bool confirmed = false;
    std::optional<long long> created_by;
    std::string outcome; // JSON (application/learners/import_outcome_json.hpp), "" until validated
    EpochMs created_at = 0;
    EpochMs updated_at = 0;
    int attempts = 0; // claims since the import last rested (this one included, once claimed)
};

class LearnerImportQueue {
public:
    virtual ~LearnerImportQueue() = default;
    virtual long long create(const LearnerImport& import, const std::string& file_base64) = 0;
    [[nodiscard]] virtual std::optional<LearnerImport> find(long long organization, long long id) = 0;
    // The latest imports of an organisation, newest first.
    [[nodiscard]] virtual std::vector<LearnerImport> list(long long organization, int limit) = 0;
    // Claims the oldest import ready to run (UPLOADED; VALIDATED and confirmed; VALIDATED and still
    // holding a claim token, i.e. whose apply was interrupted) whose claim has expired, under
    // `token` until `claim_until`, counting one more attempt; returns it with its file, or nothing.
    [[nodiscard]] virtual std::optional<std::pair<LearnerImport, std::string>>
    claim_next(EpochMs now, EpochMs claim_until, const std::string& token) = 0;
    // Extends the claim; false when `token` no longer holds it.
    virtual bool renew(long long id, const std::string& token, EpochMs claim_until) = 0;
    // Records an intermediate state and outcome, keeping the claim; false when the claim is lost.
    virtual bool progress(long long id, const std::string& token, const std::string& state, const std::string& outcome,
                          EpochMs now) = 0;
    // Records a resting state and outcome and releases the claim (attempts back to 0); `keep_file`
    // false drops the stored file. False (nothing written) when `token` no longer holds the claim.
    virtual bool finish(long long id, const std::string& token, const std::string& state, const std::string& outcome,
                        bool keep_file, EpochMs now) = 0;
    // Confirmation of a large disabling: the worker takes it again.
    virtual bool confirm(long long organization, long long id, EpochMs now) = 0;
    virtual bool cancel(long long organization, long long id, EpochMs now) = 0;
};

} // namespace numeria::organizations
