// sql_viewer_query.hpp: application::ViewerQuery in one SELECT: session ⋈ user ⋈ national
// admins ⋈ memberships ⋈ organisations (one row per membership, at least one row per session).
#pragma once

#include "application/viewer_query.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlViewerQuery final : public application::ViewerQuery {
public:
    explicit SqlViewerQuery(soci::session& sql)
        : m_sql(sql) {}
    std::optional<application::ViewerRecord> find_by_session(const std::string& token_digest, EpochMs now) override;

private:
    soci::session& m_sql;
};

} // namespace numeria::storage
