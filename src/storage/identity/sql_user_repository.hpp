// sql_user_repository.hpp: identity::UserRepository on SQL (one text for SQLite and PostgreSQL).
// It works inside the transaction of the session it is given (one request = one transaction).
#pragma once

#include "identity/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlUserRepository final : public identity::UserRepository {
public:
    explicit SqlUserRepository(soci::session& sql)
        : m_sql(sql) {}

    Result<identity::UserId> create(const identity::NewUser& user) override;
    std::optional<identity::User> find_by_email(const std::string& normalized_email) override;
    std::optional<identity::User> find_by_username(const std::string& username) override;
    std::optional<identity::User> find(identity::UserId id) override;
    void set_password_hash(identity::UserId id, const std::string& password_hash, bool must_change_password) override;
    void set_username(identity::UserId id, const std::string& username) override;

private:
    std::optional<identity::User> find_where(const std::string& condition, const std::string& value);

    soci::session& m_sql;
};

} // namespace numeria::storage
