#include "storage/identity/sql_token_repository.hpp"

namespace numeria::storage {

void SqlPasswordResetRepository::create(const std::string& token_digest, identity::UserId user_id, EpochMs created_at,
                                        EpochMs expires_at) {
    const long long user = user_id;
    const long long created = created_at;
    const long long expires = expires_at;
    m_sql << "INSERT INTO password_resets (token_digest, user_id, created_at, expires_at) "
             "VALUES (:d, :u, :c, :e)",
        soci::use(token_digest), soci::use(user), soci::use(created), soci::use(expires);
}

std::optional<identity::UserId> SqlPasswordResetRepository::find_usable(const std::string& token_digest, EpochMs now) {
    long long user = 0;
    const long long at = now;
    m_sql << "SELECT user_id FROM password_resets WHERE token_digest = :d AND used_at IS NULL AND expires_at > :now",
        soci::use(token_digest), soci::use(at), soci::into(user);
    if (!m_sql.got_data())
        return std::nullopt;
    return user;
}

void SqlPasswordResetRepository::mark_used(const std::string& token_digest, EpochMs now) {
    const long long at = now;
    m_sql << "UPDATE password_resets SET used_at = :now WHERE token_digest = :d", soci::use(at),
        soci::use(token_digest);
}

} // namespace numeria::storage
