// sql_national_admin_repository.hpp: identity::NationalAdminRepository on SQL.
#pragma once

#include "identity/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlNationalAdminRepository final : public identity::NationalAdminRepository {
public:
    explicit SqlNationalAdminRepository(soci::session& sql)
        : m_sql(sql) {}

    void add(identity::UserId user_id, EpochMs now) override {
        const long long user = user_id;
        const long long at = now;
        m_sql << "INSERT INTO national_admins (user_id, created_at) VALUES (:u, :t)", soci::use(user), soci::use(at);
    }

    bool is_national_admin(identity::UserId user_id) override {
        const long long user = user_id;
        int count = 0;
        m_sql << "SELECT COUNT(*) FROM national_admins WHERE user_id = :u", soci::use(user), soci::into(count);
        return count > 0;
    }

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
