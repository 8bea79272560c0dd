// sql_token_repository.hpp: identity::OneTimeTokenRepository on SQL, for the two tables of
// single-use links: password_resets and account_unlocks (same columns).
#pragma once

#include "identity/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlOneTimeTokenRepository : public identity::OneTimeTokenRepository {
public:
    void create(const std::string& token_digest, identity::UserId user_id, EpochMs created_at,
                EpochMs expires_at) override;
    std::optional<identity::UserId> find_usable(const std::string& token_digest, EpochMs now) override;
    bool consume(const std::string& token_digest, EpochMs now) override;
    void spend_all_of_user(identity::UserId user_id, EpochMs now) override;

protected:
    // `table` is one of the fixed names of the subclasses, never input.
    SqlOneTimeTokenRepository(soci::session& sql, const char* table)
        : m_sql(sql)
        , m_table(table) {}

private:
    soci::session& m_sql;
    std::string m_table;
};

class SqlPasswordResetRepository final : public SqlOneTimeTokenRepository {
public:
    explicit SqlPasswordResetRepository(soci::session& sql)
        : SqlOneTimeTokenRepository(sql, "password_resets") {}
};

class SqlAccountUnlockRepository final : public SqlOneTimeTokenRepository {
public:
    explicit SqlAccountUnlockRepository(soci::session& sql)
        : SqlOneTimeTokenRepository(sql, "account_unlocks") {}
};

} // namespace numeria::storage
