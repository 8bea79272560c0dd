// sql_learner_import_repository.hpp: the history and queue of student-base imports (issue 5
// item 3). The uploaded file is kept (base64) until the import ends, so an import the server was
// told about survives a restart; a worker claims one import at a time for a few minutes, so several
// processes (PostgreSQL deployments) never run the same import twice.
#pragma once

#include "core/clock.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace numeria::storage {

// States: UPLOADED → VALIDATED | VALIDATION_ERROR → IMPORTED | IMPORT_ERROR (pix-reference.md §3.1);
// CANCELLED when the référent gives up an import that asked for confirmation.
struct LearnerImport {
    long long id = 0;
    long long organization_id = 0;
    std::string format;
    std::string file_name;
    std::string state;
    bool confirmed = false;
    std::optional<long long> created_by;
    std::string outcome; // JSON (web/learner_import_json.hpp), "" until validated
    EpochMs created_at = 0;
    EpochMs updated_at = 0;
};

class SqlLearnerImportRepository {
public:
    explicit SqlLearnerImportRepository(soci::session& sql)
        : m_sql(sql) {}

    long long create(const LearnerImport& import, const std::string& file_base64);
    [[nodiscard]] std::optional<LearnerImport> find(long long organization, long long id);
    // The latest imports of an organisation, newest first.
    [[nodiscard]] std::vector<LearnerImport> list(long long organization, int limit);
    // Claims the oldest import ready to run (UPLOADED, or VALIDATED and confirmed) whose claim has
    // expired; returns it with its file, or nothing.
    [[nodiscard]] std::optional<std::pair<LearnerImport, std::string>> claim_next(EpochMs now, EpochMs claim_until);
    // Records a new state and outcome; `keep_file` false drops the stored file.
    void finish(long long id, const std::string& state, const std::string& outcome, bool keep_file, EpochMs now);
    // Confirmation of a large disabling (issue 5 item 8): the worker takes it again.
    bool confirm(long long organization, long long id, EpochMs now);
    bool cancel(long long organization, long long id, EpochMs now);

private:
    std::vector<LearnerImport> select(const std::string& where, long long a, long long b, int limit);
    soci::session& m_sql;
};

} // namespace numeria::storage
