// sql_learner_import_repository.hpp: the history of student-base imports and their files
// (docs/rules/student-import.md "Import states", "Import jobs"). The file is stored in pieces of
// 768 KiB, each base64 text (SOCI 4.0 binds strings as C strings, so raw bytes with NULs cannot
// travel as they are), so no statement carries more than 1 MiB; it is dropped when the import rests.
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

    long long create(const LearnerImport& import) override;
    void store_file(long long id, std::string_view bytes) override;
    [[nodiscard]] std::optional<std::string> read_file(long long id) override;
    [[nodiscard]] std::optional<LearnerImport> find(long long organization, long long id) override;
    [[nodiscard]] std::optional<LearnerImport> find_by_id(long long id) override;
    [[nodiscard]] std::vector<LearnerImport> list(long long organization, int limit) override;
    void start_attempt(long long id, int attempts, EpochMs now) override;
    void progress(long long id, const std::string& state, const std::string& outcome, EpochMs now) override;
    void finish(long long id, const std::string& state, const std::string& outcome, bool keep_file,
                EpochMs now) override;
    bool confirm(long long organization, long long id, EpochMs now) override;
    bool cancel(long long organization, long long id, EpochMs now) override;

    // The raw bytes of one stored piece (the last may be shorter).
    static constexpr std::size_t CHUNK_BYTES = std::size_t{768} * 1024;

private:
    std::vector<LearnerImport> select(const std::string& where, long long a, long long b, int limit);
    void drop_file(long long id);
    soci::session& m_sql;
};

} // namespace numeria::storage
