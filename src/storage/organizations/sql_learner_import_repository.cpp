#include "storage/organizations/sql_learner_import_repository.hpp"

namespace numeria::storage {

long long SqlLearnerImportRepository::create(const LearnerImport& import, const std::string& file_base64) {
    long long id = 0;
    long long created_by = import.created_by.value_or(0);
    soci::indicator created_by_indicator = import.created_by ? soci::i_ok : soci::i_null;
    const long long at = import.created_at;
    m_sql << "INSERT INTO learner_imports (organization_id, format, file_name, state, confirmed, created_by, outcome, "
             "file_data, created_at, updated_at) VALUES (:o, :f, :n, 'UPLOADED', 0, :c, '', :d, :t, :u) RETURNING id",
        soci::use(import.organization_id), soci::use(import.format), soci::use(import.file_name),
        soci::use(created_by, created_by_indicator), soci::use(file_base64), soci::use(at), soci::use(at),
        soci::into(id);
    return id;
}

std::vector<LearnerImport> SqlLearnerImportRepository::select(const std::string& where, long long a, long long b,
                                                              int limit) {
    LearnerImport row;
    long long created_by = 0;
    soci::indicator created_by_indicator = soci::i_null;
    int confirmed = 0;
    long long created = 0;
    long long updated = 0;
    const long long rows = limit;
    soci::statement statement =
        (m_sql.prepare << "SELECT id, organization_id, format, file_name, state, confirmed, created_by, outcome, "
                          "created_at, updated_at FROM learner_imports WHERE " +
                              where + " ORDER BY id DESC LIMIT :l",
         soci::use(a), soci::use(b), soci::use(rows), soci::into(row.id), soci::into(row.organization_id),
         soci::into(row.format), soci::into(row.file_name), soci::into(row.state), soci::into(confirmed),
         soci::into(created_by, created_by_indicator), soci::into(row.outcome), soci::into(created),
         soci::into(updated));
    statement.execute(false);
    std::vector<LearnerImport> imports;
    while (statement.fetch()) {
        LearnerImport copy = row;
        copy.confirmed = confirmed != 0;
        copy.created_by = created_by_indicator == soci::i_ok ? std::optional<long long>(created_by) : std::nullopt;
        copy.created_at = created;
        copy.updated_at = updated;
        imports.push_back(copy);
    }
    return imports;
}

std::optional<LearnerImport> SqlLearnerImportRepository::find(long long organization, long long id) {
    auto rows = select("organization_id = :o AND id = :i", organization, id, 1);
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

std::vector<LearnerImport> SqlLearnerImportRepository::list(long long organization, int limit) {
    return select("organization_id = :o AND :unused = 0", organization, 0, limit);
}

namespace {

// Rule: docs/rules/student-import.md "Import jobs": what a worker may claim. A VALIDATED import
// with a claim token was being applied when its process stopped; one without waits for the
// référent (confirm or cancel).
const char* const READY = "(state = 'UPLOADED' OR (state = 'VALIDATED' AND (confirmed = 1 OR claim_token IS NOT "
                          "NULL))) AND (claimed_until IS NULL OR claimed_until < :n)";

} // namespace

std::optional<std::pair<LearnerImport, std::string>>
SqlLearnerImportRepository::claim_next(EpochMs now, EpochMs claim_until, const std::string& token) {
    const long long at = now;
    const long long until = claim_until;
    long long id = 0;
    long long organization = 0;
    m_sql << std::string("SELECT id, organization_id FROM learner_imports WHERE ") + READY + " ORDER BY id LIMIT 1",
        soci::use(at), soci::into(id), soci::into(organization);
    if (!m_sql.got_data())
        return std::nullopt;
    // The readiness is checked again by the update itself: another process may have claimed or
    // finished the import since the select.
    soci::statement claim =
        (m_sql.prepare << std::string("UPDATE learner_imports SET claimed_until = :u, claim_token = :k, attempts = "
                                      "attempts + 1 WHERE id = :i AND ") +
                              READY,
         soci::use(until), soci::use(token), soci::use(id), soci::use(at));
    claim.execute(true);
    if (claim.get_affected_rows() != 1)
        return std::nullopt; // another process took it first
    std::string file;
    soci::indicator file_indicator = soci::i_null;
    int attempts = 0;
    m_sql << "SELECT file_data, attempts FROM learner_imports WHERE id = :i", soci::use(id),
        soci::into(file, file_indicator), soci::into(attempts);
    std::optional<LearnerImport> import = find(organization, id);
    if (!import)
        return std::nullopt;
    import->attempts = attempts;
    return std::make_pair(*import, file_indicator == soci::i_ok ? file : std::string());
}

bool SqlLearnerImportRepository::renew(long long id, const std::string& token, EpochMs claim_until) {
    const long long until = claim_until;
    soci::statement update = (m_sql.prepare << "UPDATE learner_imports SET claimed_until = :u WHERE id = :i AND "
                                               "claim_token = :k",
                              soci::use(until), soci::use(id), soci::use(token));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool SqlLearnerImportRepository::progress(long long id, const std::string& token, const std::string& state,
                                          const std::string& outcome, EpochMs now) {
    const long long at = now;
    soci::statement update = (m_sql.prepare << "UPDATE learner_imports SET state = :s, outcome = :o, updated_at = :t "
                                               "WHERE id = :i AND claim_token = :k",
                              soci::use(state), soci::use(outcome), soci::use(at), soci::use(id), soci::use(token));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool SqlLearnerImportRepository::finish(long long id, const std::string& token, const std::string& state,
                                        const std::string& outcome, bool keep_file, EpochMs now) {
    const long long at = now;
    const int keep = keep_file ? 1 : 0;
    soci::statement update =
        (m_sql.prepare << "UPDATE learner_imports SET state = :s, outcome = :o, claimed_until = NULL, claim_token = "
                          "NULL, attempts = 0, updated_at = :t, file_data = CASE WHEN :k = 1 THEN file_data ELSE "
                          "NULL END WHERE id = :i AND claim_token = :c",
         soci::use(state), soci::use(outcome), soci::use(at), soci::use(keep), soci::use(id), soci::use(token));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool SqlLearnerImportRepository::confirm(long long organization, long long id, EpochMs now) {
    const long long at = now;
    soci::statement update = (m_sql.prepare << "UPDATE learner_imports SET confirmed = 1, updated_at = :t WHERE "
                                               "organization_id = :o AND id = :i AND state = 'VALIDATED' AND "
                                               "claim_token IS NULL",
                              soci::use(at), soci::use(organization), soci::use(id));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool SqlLearnerImportRepository::cancel(long long organization, long long id, EpochMs now) {
    const long long at = now;
    soci::statement update =
        (m_sql.prepare << "UPDATE learner_imports SET state = 'CANCELLED', file_data = NULL, updated_at = :t WHERE "
                          "organization_id = :o AND id = :i AND state = 'VALIDATED' AND confirmed = 0 AND "
                          "claim_token IS NULL",
         soci::use(at), soci::use(organization), soci::use(id));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

} // namespace numeria::storage
