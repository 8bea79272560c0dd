// sql_learner_import_repository.hpp: the history and queue of student-base imports
// (docs/rules/student-import.md "Import states", "Import jobs"). The uploaded file is kept (base64) until the import
// ends, so an import the server was told about survives a restart; a worker claims one import at a time with a token
// and a short expiry it renews while working, so several processes (PostgreSQL deployments) never run the same import
// twice, and an import whose process died is taken again (docs/rules/student-import.md).
#pragma once

#include "organizations/learners/learner_import_queue.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace numeria::storage {

using organizations::LearnerImport;

class SqlLearnerImportRepository final : public organizations::LearnerImportQueue {
public:
    explicit SqlLearnerImportRepository(soci::session& sql)
        : m_sql(sql) {}

    long long create(const LearnerImport& import, const std::string& file_base64) override;
    [[nodiscard]] std::optional<LearnerImport> find(long long organization, long long id) override;
    // The latest imports of an organisation, newest first.
    [[nodiscard]] std::vector<LearnerImport> list(long long organization, int limit) override;
    // Claims the oldest import ready to run (UPLOADED; VALIDATED and confirmed; VALIDATED and still
    // holding a claim token, i.e. whose apply was interrupted) whose claim has expired, under
    // `token` until `claim_until`, counting one more attempt; returns it with its file, or nothing.
    [[nodiscard]] std::optional<std::pair<LearnerImport, std::string>> claim_next(EpochMs now, EpochMs claim_until,
                                                                                  const std::string& token) override;
    // Extends the claim; false when `token` no longer holds it.
    bool renew(long long id, const std::string& token, EpochMs claim_until) override;
    // Records an intermediate state and outcome, keeping the claim; false when the claim is lost.
    bool progress(long long id, const std::string& token, const std::string& state, const std::string& outcome,
                  EpochMs now) override;
    // Records a resting state and outcome and releases the claim (attempts back to 0); `keep_file`
    // false drops the stored file. False (nothing written) when `token` no longer holds the claim.
    bool finish(long long id, const std::string& token, const std::string& state, const std::string& outcome,
                bool keep_file, EpochMs now) override;
    // Confirmation of a large disabling (docs/rules/student-import.md "Year rollover guard"): the worker
    // takes it again.
    bool confirm(long long organization, long long id, EpochMs now) override;
    bool cancel(long long organization, long long id, EpochMs now) override;

private:
    std::vector<LearnerImport> select(const std::string& where, long long a, long long b, int limit);
    soci::session& m_sql;
};

} // namespace numeria::storage
