#include "storage/identity/sql_throttle_repository.hpp"

namespace numeria::storage {

identity::ThrottleState SqlThrottleRepository::get(const std::string& key) {
    int failures = 0;
    long long blocked_until = 0;
    m_sql << "SELECT failures, blocked_until FROM login_throttle WHERE throttle_key = :k", soci::use(key),
        soci::into(failures), soci::into(blocked_until);
    if (!m_sql.got_data())
        return {};
    return identity::ThrottleState{failures, blocked_until};
}

void SqlThrottleRepository::put(const std::string& key, const identity::ThrottleState& state, EpochMs now) {
    const long long blocked_until = state.blocked_until;
    const long long updated_at = now;
    m_sql << "INSERT INTO login_throttle (throttle_key, failures, blocked_until, updated_at) "
             "VALUES (:k, :f, :b, :u) ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, "
             "blocked_until = excluded.blocked_until, updated_at = excluded.updated_at",
        soci::use(key), soci::use(state.failures), soci::use(blocked_until), soci::use(updated_at);
}

void SqlThrottleRepository::clear(const std::string& key) {
    m_sql << "DELETE FROM login_throttle WHERE throttle_key = :k", soci::use(key);
}

} // namespace numeria::storage
