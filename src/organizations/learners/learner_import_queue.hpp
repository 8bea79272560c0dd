// learner_import_queue.hpp: the history of student-base imports and their files. The uploaded file
// is kept until the import rests, so an import the school was told about survives a restart; each
// run of an import is a job of the jobs table (application/learners/learner_import_job.hpp), whose
// claim makes sure one process at a time runs it (docs/rules/student-import.md "Import jobs").
#pragma once

#include "core/clock.hpp"

#include <optional>
#include <string>
#include <string_view>
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
    int attempts = 0;     // attempts of the current run (0 once the import rests)
    bool running = false; // a job is due to run it (false: at rest, or waiting for a confirmation)
};

class LearnerImportQueue {
public:
    virtual ~LearnerImportQueue() = default;
    // A new import, UPLOADED and running (its job is enqueued in the same transaction).
    virtual long long create(const LearnerImport& import) = 0;
    // Stores the uploaded file, in pieces (no statement carries the whole file).
    virtual void store_file(long long id, std::string_view bytes) = 0;
    // The stored file; nothing once the import rested without keeping it.
    [[nodiscard]] virtual std::optional<std::string> read_file(long long id) = 0;
    [[nodiscard]] virtual std::optional<LearnerImport> find(long long organization, long long id) = 0;
    // Any organisation's import (the job that runs it knows only its id).
    [[nodiscard]] virtual std::optional<LearnerImport> find_by_id(long long id) = 0;
    // The latest imports of an organisation, newest first.
    [[nodiscard]] virtual std::vector<LearnerImport> list(long long organization, int limit) = 0;
    // A run of the import starts: its `attempts`-th since it last rested.
    virtual void start_attempt(long long id, int attempts, EpochMs now) = 0;
    // Records an intermediate state and outcome.
    virtual void progress(long long id, const std::string& state, const std::string& outcome, EpochMs now) = 0;
    // Records a resting state and outcome (not running, attempts back to 0); `keep_file` false drops
    // the stored file.
    virtual void finish(long long id, const std::string& state, const std::string& outcome, bool keep_file,
                        EpochMs now) = 0;
    // Confirms an import that waits for it (VALIDATED, not confirmed, not running), which runs again;
    // false when it does not wait.
    virtual bool confirm(long long organization, long long id, EpochMs now) = 0;
    // Cancels an import that waits for a confirmation and drops its file; false when it does not wait.
    virtual bool cancel(long long organization, long long id, EpochMs now) = 0;
};

} // namespace numeria::organizations
