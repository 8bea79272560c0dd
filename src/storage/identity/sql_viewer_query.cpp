#include "storage/identity/sql_viewer_query.hpp"

#include "storage/statement_cache.hpp"

namespace numeria::storage {

namespace {

// The caller's lookup, prepared once per pooled session: one row per membership, read one at a
// time (a person belongs to a handful of organisations).
struct ViewerStatement final : CachedStatement {
    explicit ViewerStatement(soci::session& sql)
        : rows((sql.prepare << "SELECT u.id, u.first_name, u.last_name, u.must_change_password, "
                               "CASE WHEN a.user_id IS NULL THEN 0 ELSE 1 END, o.id, o.name, o.type, m.role, "
                               "CASE WHEN o.archived_at IS NULL THEN 0 ELSE 1 END, u.email, u.username "
                               "FROM user_sessions s JOIN users u ON u.id = s.user_id "
                               "LEFT JOIN national_admins a ON a.user_id = u.id "
                               "LEFT JOIN memberships m ON m.user_id = u.id AND m.removed_at IS NULL "
                               "LEFT JOIN organizations o ON o.id = m.organization_id "
                               "WHERE s.token_digest = :digest AND s.revoked_at IS NULL AND s.expires_at > :now "
                               "ORDER BY o.name, o.id",
                soci::use(digest), soci::use(at), soci::into(user_id), soci::into(first_name), soci::into(last_name),
                soci::into(must_change), soci::into(admin), soci::into(organization_id, organization_present),
                soci::into(name, name_present), soci::into(type, type_present), soci::into(role, role_present),
                soci::into(archived), soci::into(email, email_present), soci::into(username, username_present))) {}

    std::string digest;
    long long at = 0;
    long long user_id = 0;
    std::string first_name;
    std::string last_name;
    int must_change = 0;
    int admin = 0;
    long long organization_id = 0;
    std::string name;
    std::string type;
    std::string role;
    int archived = 0;
    soci::indicator organization_present = soci::i_null;
    soci::indicator name_present = soci::i_null;
    soci::indicator type_present = soci::i_null;
    soci::indicator role_present = soci::i_null;
    std::string email;
    std::string username;
    soci::indicator email_present = soci::i_null;
    soci::indicator username_present = soci::i_null;
    soci::statement rows; // last: bound to the members above
};

} // namespace

std::optional<application::ViewerRecord> SqlViewerQuery::find_by_session(const std::string& token_digest, EpochMs now) {
    ViewerStatement& q = cached_statement<ViewerStatement>(m_sql, StatementKey::Viewer,
                                                           [this] { return std::make_unique<ViewerStatement>(m_sql); });
    q.digest = token_digest;
    q.at = now;
    std::optional<application::ViewerRecord> viewer;
    if (!q.rows.execute(true))
        return viewer;
    do {
        if (!viewer) {
            viewer =
                application::ViewerRecord{q.user_id,
                                          q.first_name,
                                          q.last_name,
                                          q.must_change != 0,
                                          q.admin != 0,
                                          {},
                                          q.email_present == soci::i_ok ? std::optional(q.email) : std::nullopt,
                                          q.username_present == soci::i_ok ? std::optional(q.username) : std::nullopt};
        }
        if (q.organization_present != soci::i_ok || q.name_present != soci::i_ok)
            continue; // no membership, or one of an organisation that is gone
        viewer->memberships.push_back(application::ViewerMembership{
            q.organization_id, q.name,
            organizations::parse_type(q.type_present == soci::i_ok ? q.type : "")
                .value_or(organizations::OrganizationType::Sco),
            organizations::parse_role(q.role_present == soci::i_ok ? q.role : "").value_or(organizations::Role::Member),
            q.archived != 0});
    } while (q.rows.fetch());
    return viewer;
}

} // namespace numeria::storage
