#include "storage/identity/sql_token_repository.hpp"

namespace numeria::storage {

void SqlOneTimeTokenRepository::create(const std::string& token_digest, identity::UserId user_id, EpochMs created_at,
                                       EpochMs expires_at) {
    const long long user = user_id;
    const long long created = created_at;
    const long long expires = expires_at;
    m_sql << "INSERT INTO " + m_table + " (token_digest, user_id, created_at, expires_at) VALUES (:d, :u, :c, :e)",
        soci::use(token_digest), soci::use(user), soci::use(created), soci::use(expires);
}

std::optional<identity::UserId> SqlOneTimeTokenRepository::find_usable(const std::string& token_digest, EpochMs now) {
    long long user = 0;
    const long long at = now;
    m_sql << "SELECT user_id FROM " + m_table + " WHERE token_digest = :d AND used_at IS NULL AND expires_at > :now",
        soci::use(token_digest), soci::use(at), soci::into(user);
    if (!m_sql.got_data())
        return std::nullopt;
    return user;
}

// Rule: docs/rules/security.md, "Single-use links": one conditional write and its affected rows,
// so two concurrent uses cannot both succeed (on PostgreSQL the second waits for the first's row
// lock, then sees used_at set).
bool SqlOneTimeTokenRepository::consume(const std::string& token_digest, EpochMs now) {
    const long long at = now;
    soci::statement update = (m_sql.prepare << "UPDATE " + m_table +
                                                   " SET used_at = :now WHERE token_digest = :d AND used_at IS NULL "
                                                   "AND expires_at > :now2",
                              soci::use(at), soci::use(token_digest), soci::use(at));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

void SqlOneTimeTokenRepository::spend_all_of_user(identity::UserId user_id, EpochMs now) {
    const long long user = user_id;
    const long long at = now;
    m_sql << "UPDATE " + m_table + " SET used_at = :now WHERE user_id = :u AND used_at IS NULL", soci::use(at),
        soci::use(user);
}

} // namespace numeria::storage
