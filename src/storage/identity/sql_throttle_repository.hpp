// sql_throttle_repository.hpp: identity::ThrottleRepository on SQL (one text for both engines).
#pragma once

#include "identity/ports.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlThrottleRepository final : public identity::ThrottleRepository {
public:
    explicit SqlThrottleRepository(soci::session& sql)
        : m_sql(sql) {}

    identity::ThrottleState get(const std::string& key) override;
    void put(const std::string& key, const identity::ThrottleState& state, EpochMs now) override;
    void clear(const std::string& key) override;

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
