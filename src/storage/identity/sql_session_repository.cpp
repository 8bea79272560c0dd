#include "storage/identity/sql_session_repository.hpp"

namespace numeria::storage {

void SqlSessionRepository::create(const std::string& token_digest, identity::UserId user_id, EpochMs created_at,
                                  EpochMs expires_at) {
    const long long user = user_id;
    const long long created = created_at;
    const long long expires = expires_at;
    m_sql << "INSERT INTO user_sessions (token_digest, user_id, created_at, expires_at) "
             "VALUES (:digest, :user_id, :created, :expires)",
        soci::use(token_digest), soci::use(user), soci::use(created), soci::use(expires);
}

std::optional<identity::ActiveSession> SqlSessionRepository::find_active(const std::string& token_digest, EpochMs now) {
    long long user = 0;
    long long expires = 0;
    const long long at = now;
    m_sql << "SELECT user_id, expires_at FROM user_sessions "
             "WHERE token_digest = :digest AND revoked_at IS NULL AND expires_at > :now",
        soci::use(token_digest), soci::use(at), soci::into(user), soci::into(expires);
    if (!m_sql.got_data())
        return std::nullopt;
    return identity::ActiveSession{user, expires};
}

void SqlSessionRepository::revoke(const std::string& token_digest, EpochMs now) {
    const long long at = now;
    m_sql << "UPDATE user_sessions SET revoked_at = :now WHERE token_digest = :digest AND revoked_at IS NULL",
        soci::use(at), soci::use(token_digest);
}

void SqlSessionRepository::revoke_all_of_user(identity::UserId user_id, const std::string& kept_digest, EpochMs now) {
    const long long user = user_id;
    const long long at = now;
    m_sql << "UPDATE user_sessions SET revoked_at = :now "
             "WHERE user_id = :user AND token_digest <> :kept AND revoked_at IS NULL",
        soci::use(at), soci::use(user), soci::use(kept_digest);
}

} // namespace numeria::storage
