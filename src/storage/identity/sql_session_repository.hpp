// sql_session_repository.hpp: identity::SessionRepository on SQL (one text for both engines).
#pragma once

#include "identity/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlSessionRepository final : public identity::SessionRepository {
public:
    explicit SqlSessionRepository(soci::session& sql)
        : m_sql(sql) {}

    void create(const std::string& token_digest, identity::UserId user_id, EpochMs created_at,
                EpochMs expires_at) override;
    std::optional<identity::ActiveSession> find_active(const std::string& token_digest, EpochMs now) override;
    void revoke(const std::string& token_digest, EpochMs now) override;
    void revoke_all_of_user(identity::UserId user_id, const std::string& kept_digest, EpochMs now) override;

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
