#include "storage/organizations/sql_learner_import_repository.hpp"

#include <sodium.h>

#include <stdexcept>

namespace numeria::storage {

namespace {

std::string to_base64(std::string_view bytes) {
    std::string text(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    text.resize(text.size() - 1); // the terminating NUL
    return text;
}

// Appends the bytes of one piece to `out`; each piece is a whole base64 text.
void append_base64(const std::string& text, std::string& out) {
    const std::size_t at = out.size();
    out.resize(at + text.size());
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data() + at), text.size(), text.data(), text.size(),
                          nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        throw std::runtime_error("stored import file is not valid base64");
    out.resize(at + length);
}

} // namespace

long long SqlLearnerImportRepository::create(const LearnerImport& import) {
    long long id = 0;
    long long created_by = import.created_by.value_or(0);
    soci::indicator created_by_indicator = import.created_by ? soci::i_ok : soci::i_null;
    const long long at = import.created_at;
    m_sql << "INSERT INTO learner_imports (organization_id, format, file_name, state, confirmed, created_by, outcome, "
             "running, created_at, updated_at) VALUES (:o, :f, :n, 'UPLOADED', 0, :c, '', 1, :t, :u) RETURNING id",
        soci::use(import.organization_id), soci::use(import.format), soci::use(import.file_name),
        soci::use(created_by, created_by_indicator), soci::use(at), soci::use(at), soci::into(id);
    return id;
}

void SqlLearnerImportRepository::store_file(long long id, std::string_view bytes) {
    int seq = 0;
    std::string piece;
    soci::statement insert = (m_sql.prepare << "INSERT INTO learner_import_chunks (import_id, seq, data) "
                                               "VALUES (:i, :s, :d)",
                              soci::use(id), soci::use(seq), soci::use(piece));
    for (std::size_t at = 0; at < bytes.size(); at += CHUNK_BYTES, ++seq) {
        piece = to_base64(bytes.substr(at, CHUNK_BYTES));
        insert.execute(true);
    }
}

std::optional<std::string> SqlLearnerImportRepository::read_file(long long id) {
    std::string piece;
    soci::statement select = (m_sql.prepare << "SELECT data FROM learner_import_chunks WHERE import_id = :i "
                                               "ORDER BY seq",
                              soci::use(id), soci::into(piece));
    select.execute(false);
    std::optional<std::string> bytes;
    while (select.fetch()) {
        if (!bytes)
            bytes.emplace();
        append_base64(piece, *bytes);
    }
    return bytes;
}

void SqlLearnerImportRepository::drop_file(long long id) {
    m_sql << "DELETE FROM learner_import_chunks WHERE import_id = :i", soci::use(id);
}

std::vector<LearnerImport> SqlLearnerImportRepository::select(const std::string& where, long long a, long long b,
                                                              int limit) {
    LearnerImport row;
    long long created_by = 0;
    soci::indicator created_by_indicator = soci::i_null;
    int confirmed = 0;
    int running = 0;
    long long created = 0;
    long long updated = 0;
    const long long rows = limit;
    soci::statement statement =
        (m_sql.prepare << "SELECT id, organization_id, format, file_name, state, confirmed, created_by, outcome, "
                          "created_at, updated_at, attempts, running FROM learner_imports WHERE " +
                              where + " ORDER BY id DESC LIMIT :l",
         soci::use(a), soci::use(b), soci::use(rows), soci::into(row.id), soci::into(row.organization_id),
         soci::into(row.format), soci::into(row.file_name), soci::into(row.state), soci::into(confirmed),
         soci::into(created_by, created_by_indicator), soci::into(row.outcome), soci::into(created),
         soci::into(updated), soci::into(row.attempts), soci::into(running));
    statement.execute(false);
    std::vector<LearnerImport> imports;
    while (statement.fetch()) {
        LearnerImport copy = row;
        copy.confirmed = confirmed != 0;
        copy.running = running != 0;
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

std::optional<LearnerImport> SqlLearnerImportRepository::find_by_id(long long id) {
    auto rows = select("id = :i AND :unused = 0", id, 0, 1);
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

std::vector<LearnerImport> SqlLearnerImportRepository::list(long long organization, int limit) {
    return select("organization_id = :o AND :unused = 0", organization, 0, limit);
}

void SqlLearnerImportRepository::start_attempt(long long id, int attempts, EpochMs now) {
    const long long at = now;
    m_sql << "UPDATE learner_imports SET attempts = :a, updated_at = :t WHERE id = :i", soci::use(attempts),
        soci::use(at), soci::use(id);
}

void SqlLearnerImportRepository::progress(long long id, const std::string& state, const std::string& outcome,
                                          EpochMs now) {
    const long long at = now;
    m_sql << "UPDATE learner_imports SET state = :s, outcome = :o, updated_at = :t WHERE id = :i", soci::use(state),
        soci::use(outcome), soci::use(at), soci::use(id);
}

void SqlLearnerImportRepository::finish(long long id, const std::string& state, const std::string& outcome,
                                        bool keep_file, EpochMs now) {
    const long long at = now;
    m_sql << "UPDATE learner_imports SET state = :s, outcome = :o, running = 0, attempts = 0, updated_at = :t "
             "WHERE id = :i",
        soci::use(state), soci::use(outcome), soci::use(at), soci::use(id);
    if (!keep_file)
        drop_file(id);
}

bool SqlLearnerImportRepository::confirm(long long organization, long long id, EpochMs now) {
    const long long at = now;
    soci::statement update = (m_sql.prepare << "UPDATE learner_imports SET confirmed = 1, running = 1, updated_at = :t "
                                               "WHERE organization_id = :o AND id = :i AND state = 'VALIDATED' AND "
                                               "confirmed = 0 AND running = 0",
                              soci::use(at), soci::use(organization), soci::use(id));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool SqlLearnerImportRepository::cancel(long long organization, long long id, EpochMs now) {
    const long long at = now;
    soci::statement update = (m_sql.prepare << "UPDATE learner_imports SET state = 'CANCELLED', updated_at = :t WHERE "
                                               "organization_id = :o AND id = :i AND state = 'VALIDATED' AND "
                                               "confirmed = 0 AND running = 0",
                              soci::use(at), soci::use(organization), soci::use(id));
    update.execute(true);
    if (update.get_affected_rows() != 1)
        return false;
    drop_file(id);
    return true;
}

} // namespace numeria::storage
