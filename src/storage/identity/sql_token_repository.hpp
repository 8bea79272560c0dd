// sql_token_repository.hpp: identity::OneTimeTokenRepository on SQL, table password_resets.
#pragma once

#include "identity/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlPasswordResetRepository final : public identity::OneTimeTokenRepository {
public:
    explicit SqlPasswordResetRepository(soci::session& sql)
        : m_sql(sql) {}

    void create(const std::string& token_digest, identity::UserId user_id, EpochMs created_at,
                EpochMs expires_at) override;
    std::optional<identity::UserId> find_usable(const std::string& token_digest, EpochMs now) override;
    void mark_used(const std::string& token_digest, EpochMs now) override;

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
