#include "storage/organizations/sql_organization_repositories.hpp"

namespace numeria::storage {

using organizations::Establishment;
using organizations::Membership;
using organizations::Organization;
using organizations::OrganizationId;

bool SqlEstablishmentRepository::upsert(const Establishment& e, EpochMs now) {
    int existing = 0;
    m_sql << "SELECT COUNT(*) FROM establishments WHERE uai = :u", soci::use(e.uai), soci::into(existing);
    const long long at = now;
    m_sql << "INSERT INTO establishments (uai, name, kind, status, postal_code, city, email, updated_at) "
             "VALUES (:u, :n, :k, :s, :p, :c, :e, :t) ON CONFLICT (uai) DO UPDATE SET name = excluded.name, "
             "kind = excluded.kind, status = excluded.status, postal_code = excluded.postal_code, "
             "city = excluded.city, email = excluded.email, updated_at = excluded.updated_at",
        soci::use(e.uai), soci::use(e.name), soci::use(e.kind), soci::use(e.status), soci::use(e.postal_code),
        soci::use(e.city), soci::use(e.email), soci::use(at);
    return existing == 0;
}

std::optional<Establishment> SqlEstablishmentRepository::find(const std::string& uai) {
    Establishment e;
    m_sql << "SELECT uai, name, kind, status, postal_code, city, email FROM establishments WHERE uai = :u",
        soci::use(uai), soci::into(e.uai), soci::into(e.name), soci::into(e.kind), soci::into(e.status),
        soci::into(e.postal_code), soci::into(e.city), soci::into(e.email);
    if (!m_sql.got_data())
        return std::nullopt;
    return e;
}

OrganizationId SqlOrganizationRepository::create(const Organization& organization) {
    const std::string type = organizations::type_code(organization.type);
    const std::string uai = organization.uai.value_or("");
    soci::indicator uai_indicator = organization.uai ? soci::i_ok : soci::i_null;
    const int manages = organization.manages_students ? 1 : 0;
    const long long created = organization.created_at;
    long long id = 0;
    m_sql << "INSERT INTO organizations (type, name, uai, manages_students, created_at) "
             "VALUES (:t, :n, :u, :m, :c) RETURNING id",
        soci::use(type), soci::use(organization.name), soci::use(uai, uai_indicator), soci::use(manages),
        soci::use(created), soci::into(id);
    return id;
}

std::optional<Organization> SqlOrganizationRepository::find_where(const std::string& condition,
                                                                  const std::string& value) {
    long long id = 0;
    std::string type;
    Organization organization;
    std::string uai;
    soci::indicator uai_indicator = soci::i_null;
    int manages = 0;
    long long created = 0;
    int archived = 0;
    m_sql << "SELECT id, type, name, uai, manages_students, created_at, "
             "CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END FROM organizations WHERE " +
                 condition,
        soci::use(value), soci::into(id), soci::into(type), soci::into(organization.name),
        soci::into(uai, uai_indicator), soci::into(manages), soci::into(created), soci::into(archived);
    if (!m_sql.got_data())
        return std::nullopt;
    organization.id = id;
    organization.type = organizations::parse_type(type).value_or(organizations::OrganizationType::Sco);
    if (uai_indicator == soci::i_ok)
        organization.uai = uai;
    organization.manages_students = manages != 0;
    organization.created_at = created;
    organization.archived = archived != 0;
    return organization;
}

std::optional<Organization> SqlOrganizationRepository::find(OrganizationId id) {
    return find_where("id = CAST(:v AS BIGINT)", std::to_string(id));
}

std::optional<Organization> SqlOrganizationRepository::find_by_uai(const std::string& uai) {
    return find_where("uai = :v", uai);
}

std::vector<Organization> SqlOrganizationRepository::list_all() {
    const int page = 10000;
    std::vector<long long> ids(page), created(page);
    std::vector<std::string> types(page), names(page), uais(page);
    std::vector<soci::indicator> uai_indicators(page);
    std::vector<int> manages(page);
    m_sql << "SELECT id, type, name, uai, manages_students, created_at FROM organizations ORDER BY name",
        soci::into(ids), soci::into(types), soci::into(names), soci::into(uais, uai_indicators), soci::into(manages),
        soci::into(created);
    std::vector<Organization> result;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Organization organization;
        organization.id = ids[i];
        organization.type = organizations::parse_type(types[i]).value_or(organizations::OrganizationType::Sco);
        organization.name = names[i];
        if (uai_indicators[i] == soci::i_ok)
            organization.uai = uais[i];
        organization.manages_students = manages[i] != 0;
        organization.created_at = created[i];
        result.push_back(std::move(organization));
    }
    return result;
}

void SqlMembershipRepository::put(const Membership& membership, EpochMs now) {
    const long long organization = membership.organization_id;
    const long long user = membership.user_id;
    const std::string role = organizations::role_code(membership.role);
    const long long at = now;
    m_sql << "INSERT INTO memberships (organization_id, user_id, role, created_at, updated_at) "
             "VALUES (:o, :u, :r, :c, :t) ON CONFLICT (organization_id, user_id) DO UPDATE SET "
             "role = excluded.role, updated_at = excluded.updated_at, removed_at = NULL",
        soci::use(organization), soci::use(user), soci::use(role), soci::use(at), soci::use(at);
}

std::optional<Membership> SqlMembershipRepository::find(OrganizationId organization, identity::UserId user) {
    const long long organization_id = organization;
    const long long user_id = user;
    std::string role;
    m_sql << "SELECT role FROM memberships WHERE organization_id = :o AND user_id = :u AND removed_at IS NULL",
        soci::use(organization_id), soci::use(user_id), soci::into(role);
    if (!m_sql.got_data())
        return std::nullopt;
    return Membership{organization, user, organizations::parse_role(role).value_or(organizations::Role::Member)};
}

int SqlMembershipRepository::count_active(OrganizationId organization) {
    const long long organization_id = organization;
    int count = 0;
    m_sql << "SELECT COUNT(*) FROM memberships WHERE organization_id = :o AND removed_at IS NULL",
        soci::use(organization_id), soci::into(count);
    return count;
}

std::vector<std::pair<Organization, organizations::Role>>
SqlMembershipRepository::list_for_user(identity::UserId user) {
    const long long user_id = user;
    std::vector<long long> ids(100);
    std::vector<std::string> types(100);
    std::vector<std::string> names(100);
    std::vector<std::string> roles(100);
    m_sql << "SELECT o.id, o.type, o.name, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id "
             "WHERE m.user_id = :u AND m.removed_at IS NULL AND o.archived_at IS NULL ORDER BY o.name",
        soci::use(user_id), soci::into(ids), soci::into(types), soci::into(names), soci::into(roles);
    std::vector<std::pair<Organization, organizations::Role>> result;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Organization organization;
        organization.id = ids[i];
        organization.type = organizations::parse_type(types[i]).value_or(organizations::OrganizationType::Sco);
        organization.name = names[i];
        result.emplace_back(organization, organizations::parse_role(roles[i]).value_or(organizations::Role::Member));
    }
    return result;
}

void SqlMembershipRepository::remove(OrganizationId organization, identity::UserId user, EpochMs now) {
    const long long organization_id = organization;
    const long long user_id = user;
    const long long at = now;
    m_sql << "UPDATE memberships SET removed_at = :t, updated_at = :t2 WHERE organization_id = :o AND user_id = :u",
        soci::use(at), soci::use(at), soci::use(organization_id), soci::use(user_id);
}

int SqlMembershipRepository::count_admins(OrganizationId organization) {
    const long long organization_id = organization;
    int count = 0;
    m_sql << "SELECT COUNT(*) FROM memberships WHERE organization_id = :o AND role = 'ADMIN' AND removed_at IS NULL",
        soci::use(organization_id), soci::into(count);
    return count;
}

std::vector<organizations::MemberView> SqlMembershipRepository::list_members(OrganizationId organization) {
    const long long organization_id = organization;
    const int page = 1000;
    std::vector<long long> ids(page);
    std::vector<std::string> first_names(page);
    std::vector<std::string> last_names(page);
    std::vector<std::string> emails(page);
    std::vector<soci::indicator> email_indicators(page);
    std::vector<std::string> roles(page);
    m_sql << "SELECT u.id, u.first_name, u.last_name, u.email, m.role FROM memberships m "
             "JOIN users u ON u.id = m.user_id WHERE m.organization_id = :o AND m.removed_at IS NULL "
             "ORDER BY m.role, u.last_name, u.first_name",
        soci::use(organization_id), soci::into(ids), soci::into(first_names), soci::into(last_names),
        soci::into(emails, email_indicators), soci::into(roles);
    std::vector<organizations::MemberView> members;
    for (std::size_t i = 0; i < ids.size(); ++i)
        members.push_back({ids[i], first_names[i], last_names[i],
                           email_indicators[i] == soci::i_ok ? emails[i] : std::string(),
                           organizations::parse_role(roles[i]).value_or(organizations::Role::Member)});
    return members;
}

void SqlActivationRepository::create(const std::string& token_digest, const std::string& uai,
                                     const std::string& first_name, const std::string& last_name, EpochMs created_at,
                                     EpochMs expires_at) {
    const long long created = created_at;
    const long long expires = expires_at;
    m_sql << "INSERT INTO activation_requests (token_digest, uai, first_name, last_name, created_at, expires_at) "
             "VALUES (:d, :u, :f, :l, :c, :e)",
        soci::use(token_digest), soci::use(uai), soci::use(first_name), soci::use(last_name), soci::use(created),
        soci::use(expires);
}

int SqlActivationRepository::count_since(const std::string& uai, EpochMs since) {
    const long long from = since;
    int count = 0;
    m_sql << "SELECT COUNT(*) FROM activation_requests WHERE uai = :u AND created_at >= :s", soci::use(uai),
        soci::use(from), soci::into(count);
    return count;
}

std::optional<std::string> SqlActivationRepository::find_usable(const std::string& token_digest, EpochMs now) {
    const long long at = now;
    std::string uai;
    m_sql << "SELECT uai FROM activation_requests WHERE token_digest = :d AND used_at IS NULL AND expires_at > :n",
        soci::use(token_digest), soci::use(at), soci::into(uai);
    if (!m_sql.got_data())
        return std::nullopt;
    return uai;
}

// Rule: docs/rules/security.md, "Single-use links": a conditional write and its affected rows.
bool SqlActivationRepository::consume(const std::string& token_digest, EpochMs now) {
    const long long at = now;
    soci::statement update =
        (m_sql.prepare << "UPDATE activation_requests SET used_at = :n WHERE token_digest = :d AND used_at IS NULL "
                          "AND expires_at > :n2",
         soci::use(at), soci::use(token_digest), soci::use(at));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

// SQLite serialises writers already (BEGIN IMMEDIATE); PostgreSQL holds the row until commit.
void SqlEstablishmentRepository::lock(const std::string& uai) {
    if (m_sql.get_backend_name() != "postgresql")
        return;
    std::string found;
    m_sql << "SELECT uai FROM establishments WHERE uai = :u FOR UPDATE", soci::use(uai), soci::into(found);
}

void SqlMembershipRepository::lock_team(OrganizationId organization) {
    if (m_sql.get_backend_name() != "postgresql")
        return;
    const long long organization_id = organization;
    long long found = 0;
    m_sql << "SELECT id FROM organizations WHERE id = :o FOR UPDATE", soci::use(organization_id), soci::into(found);
}

} // namespace numeria::storage
