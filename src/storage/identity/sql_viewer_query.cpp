#include "storage/identity/sql_viewer_query.hpp"

namespace numeria::storage {

namespace {

// A person belongs to a handful of organisations; the menu shows at most this many.
constexpr std::size_t MAX_MEMBERSHIPS = 200;

} // namespace

std::optional<application::ViewerRecord> SqlViewerQuery::find_by_session(const std::string& token_digest, EpochMs now) {
    const long long at = now;
    std::vector<long long> user_ids(MAX_MEMBERSHIPS);
    std::vector<std::string> first_names(MAX_MEMBERSHIPS);
    std::vector<std::string> last_names(MAX_MEMBERSHIPS);
    std::vector<int> must_change(MAX_MEMBERSHIPS);
    std::vector<int> admins(MAX_MEMBERSHIPS);
    std::vector<long long> organization_ids(MAX_MEMBERSHIPS);
    std::vector<std::string> names(MAX_MEMBERSHIPS);
    std::vector<std::string> types(MAX_MEMBERSHIPS);
    std::vector<std::string> roles(MAX_MEMBERSHIPS);
    std::vector<int> archived(MAX_MEMBERSHIPS);
    std::vector<soci::indicator> organization_present(MAX_MEMBERSHIPS);
    std::vector<soci::indicator> name_present(MAX_MEMBERSHIPS);
    std::vector<soci::indicator> type_present(MAX_MEMBERSHIPS);
    std::vector<soci::indicator> role_present(MAX_MEMBERSHIPS);
    std::vector<soci::indicator> archived_present(MAX_MEMBERSHIPS);
    m_sql << "SELECT u.id, u.first_name, u.last_name, u.must_change_password, "
             "CASE WHEN a.user_id IS NULL THEN 0 ELSE 1 END, o.id, o.name, o.type, m.role, "
             "CASE WHEN o.archived_at IS NULL THEN 0 ELSE 1 END "
             "FROM user_sessions s JOIN users u ON u.id = s.user_id "
             "LEFT JOIN national_admins a ON a.user_id = u.id "
             "LEFT JOIN memberships m ON m.user_id = u.id AND m.removed_at IS NULL "
             "LEFT JOIN organizations o ON o.id = m.organization_id "
             "WHERE s.token_digest = :digest AND s.revoked_at IS NULL AND s.expires_at > :now "
             "ORDER BY o.name, o.id",
        soci::use(token_digest), soci::use(at), soci::into(user_ids), soci::into(first_names), soci::into(last_names),
        soci::into(must_change), soci::into(admins), soci::into(organization_ids, organization_present),
        soci::into(names, name_present), soci::into(types, type_present), soci::into(roles, role_present),
        soci::into(archived, archived_present);
    if (user_ids.empty())
        return std::nullopt;
    application::ViewerRecord viewer;
    viewer.user_id = user_ids[0];
    viewer.first_name = first_names[0];
    viewer.last_name = last_names[0];
    viewer.must_change_password = must_change[0] != 0;
    viewer.national_admin = admins[0] != 0;
    for (std::size_t i = 0; i < user_ids.size(); ++i) {
        if (organization_present[i] != soci::i_ok || name_present[i] != soci::i_ok)
            continue; // the user has no membership, or one of an organisation that is gone
        application::ViewerMembership membership;
        membership.organization_id = organization_ids[i];
        membership.name = names[i];
        membership.type = organizations::parse_type(types[i]).value_or(organizations::OrganizationType::Sco);
        membership.role = organizations::parse_role(roles[i]).value_or(organizations::Role::Member);
        membership.archived = archived[i] != 0;
        viewer.memberships.push_back(std::move(membership));
    }
    return viewer;
}

} // namespace numeria::storage
