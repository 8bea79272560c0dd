#include "storage/organizations/sql_team_repositories.hpp"

namespace numeria::storage {

using organizations::Invitation;

namespace {

constexpr const char* INVITATION_COLUMNS =
    "id, organization_id, email, role, status, token_digest, created_at, updated_at, expires_at";

} // namespace

organizations::InvitationId SqlInvitationRepository::create(const Invitation& invitation) {
    const long long organization = invitation.organization_id;
    const std::string role = invitation.role ? organizations::role_code(*invitation.role) : "";
    soci::indicator role_indicator = invitation.role ? soci::i_ok : soci::i_null;
    const std::string status = organizations::status_code(invitation.status);
    const long long created = invitation.created_at;
    const long long updated = invitation.updated_at;
    const long long expires = invitation.expires_at;
    long long id = 0;
    m_sql << "INSERT INTO invitations (organization_id, email, role, status, token_digest, created_at, updated_at, "
             "expires_at) VALUES (:o, :e, :r, :s, :d, :c, :u, :x) RETURNING id",
        soci::use(organization), soci::use(invitation.email), soci::use(role, role_indicator), soci::use(status),
        soci::use(invitation.token_digest), soci::use(created), soci::use(updated), soci::use(expires), soci::into(id);
    return id;
}

void SqlInvitationRepository::update(const Invitation& invitation) {
    const long long id = invitation.id;
    const std::string role = invitation.role ? organizations::role_code(*invitation.role) : "";
    soci::indicator role_indicator = invitation.role ? soci::i_ok : soci::i_null;
    const std::string status = organizations::status_code(invitation.status);
    const long long updated = invitation.updated_at;
    const long long expires = invitation.expires_at;
    m_sql << "UPDATE invitations SET role = :r, status = :s, token_digest = :d, updated_at = :u, expires_at = :x "
             "WHERE id = :id",
        soci::use(role, role_indicator), soci::use(status), soci::use(invitation.token_digest), soci::use(updated),
        soci::use(expires), soci::use(id);
}

std::vector<Invitation> SqlInvitationRepository::select(const std::string& condition, const std::string& a,
                                                        const std::string& b) {
    const int page = 500;
    std::vector<long long> ids(page), organizations(page), created(page), updated(page), expires(page);
    std::vector<std::string> emails(page), roles(page), statuses(page), digests(page);
    std::vector<soci::indicator> role_indicators(page);
    soci::statement statement =
        (m_sql.prepare << "SELECT " + std::string(INVITATION_COLUMNS) + " FROM invitations WHERE " + condition +
                              " ORDER BY updated_at DESC",
         soci::use(a, "a"), soci::use(b, "b"), soci::into(ids), soci::into(organizations), soci::into(emails),
         soci::into(roles, role_indicators), soci::into(statuses), soci::into(digests), soci::into(created),
         soci::into(updated), soci::into(expires));
    statement.execute(true);
    std::vector<Invitation> result;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Invitation invitation;
        invitation.id = ids[i];
        invitation.organization_id = organizations[i];
        invitation.email = emails[i];
        if (role_indicators[i] == soci::i_ok)
            invitation.role = organizations::parse_role(roles[i]);
        invitation.status = organizations::parse_status(statuses[i]);
        invitation.token_digest = digests[i];
        invitation.created_at = created[i];
        invitation.updated_at = updated[i];
        invitation.expires_at = expires[i];
        result.push_back(std::move(invitation));
    }
    return result;
}

std::optional<Invitation> SqlInvitationRepository::find(organizations::InvitationId id) {
    auto rows = select("id = CAST(:a AS BIGINT) AND :b = ''", std::to_string(id), "");
    return rows.empty() ? std::nullopt : std::optional<Invitation>(rows.front());
}

std::optional<Invitation> SqlInvitationRepository::find_pending(organizations::OrganizationId organization,
                                                                const std::string& email) {
    auto rows = select("organization_id = CAST(:a AS BIGINT) AND email = :b AND status = 'pending'",
                       std::to_string(organization), email);
    return rows.empty() ? std::nullopt : std::optional<Invitation>(rows.front());
}

// Rule: docs/rules/security.md, "Single-use links": a conditional write and its affected rows.
bool SqlInvitationRepository::accept_pending(organizations::InvitationId id, EpochMs now) {
    const long long invitation = id;
    const long long at = now;
    const std::string accepted = organizations::status_code(organizations::InvitationStatus::Accepted);
    const std::string pending = organizations::status_code(organizations::InvitationStatus::Pending);
    soci::statement update =
        (m_sql.prepare << "UPDATE invitations SET status = :a, updated_at = :u "
                          "WHERE id = :i AND status = :p AND expires_at > :n",
         soci::use(accepted), soci::use(at), soci::use(invitation), soci::use(pending), soci::use(at));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

std::optional<Invitation> SqlInvitationRepository::find_by_digest(const std::string& token_digest) {
    auto rows = select("token_digest = :a AND :b = ''", token_digest, "");
    return rows.empty() ? std::nullopt : std::optional<Invitation>(rows.front());
}

std::vector<Invitation> SqlInvitationRepository::list_pending(organizations::OrganizationId organization) {
    return select("organization_id = CAST(:a AS BIGINT) AND status = 'pending' AND :b = ''",
                  std::to_string(organization), "");
}

void SqlAuditLog::record(const organizations::AuditEvent& event) {
    const long long organization = event.organization_id;
    const long long actor = event.actor.value_or(0);
    soci::indicator actor_indicator = event.actor ? soci::i_ok : soci::i_null;
    const long long at = event.at;
    m_sql << "INSERT INTO audit_events (organization_id, actor_user_id, action, target, detail, ip, created_at) "
             "VALUES (:o, :a, :act, :t, :d, :ip, :c)",
        soci::use(organization), soci::use(actor, actor_indicator), soci::use(event.action), soci::use(event.target),
        soci::use(event.detail), soci::use(event.ip), soci::use(at);
}

std::vector<organizations::AuditEvent> SqlAuditLog::list(organizations::OrganizationId organization, int limit) {
    const long long organization_id = organization;
    const int rows = std::max(1, limit);
    organizations::AuditEvent event;
    long long actor = 0, at = 0;
    soci::indicator actor_ind = soci::i_null, actor_first_ind = soci::i_null, actor_last_ind = soci::i_null,
                    target_first_ind = soci::i_null, target_last_ind = soci::i_null;
    std::string actor_first, actor_last, target_first, target_last;
    // Names by the users' primary key: the member a role change or a removal concerns is stored as
    // their id (the CASE keeps e-mail targets away from the cast).
    soci::statement select =
        (m_sql.prepare
             << "SELECT e.actor_user_id, e.action, e.target, e.detail, e.ip, e.created_at, a.first_name, "
                "a.last_name, t.first_name, t.last_name FROM audit_events e "
                "LEFT JOIN users a ON a.id = e.actor_user_id "
                "LEFT JOIN users t ON t.id = CASE WHEN e.action IN ('role.changed', 'member.removed', 'member.added') "
                "THEN CAST(e.target AS BIGINT) END "
                "WHERE e.organization_id = :o ORDER BY e.id DESC LIMIT :n",
         soci::into(actor, actor_ind), soci::into(event.action), soci::into(event.target), soci::into(event.detail),
         soci::into(event.ip), soci::into(at), soci::into(actor_first, actor_first_ind),
         soci::into(actor_last, actor_last_ind), soci::into(target_first, target_first_ind),
         soci::into(target_last, target_last_ind), soci::use(organization_id), soci::use(rows));
    select.execute(false);
    std::vector<organizations::AuditEvent> events;
    while (select.fetch()) {
        organizations::AuditEvent row = event;
        row.organization_id = organization;
        row.actor = actor_ind == soci::i_ok ? std::optional<identity::UserId>(actor) : std::nullopt;
        row.at = at;
        row.actor_name =
            actor_first_ind == soci::i_ok && actor_last_ind == soci::i_ok ? actor_first + " " + actor_last : "";
        row.target_name =
            target_first_ind == soci::i_ok && target_last_ind == soci::i_ok ? target_first + " " + target_last : "";
        events.push_back(std::move(row));
    }
    return events;
}

std::optional<identity::UserId> SqlAuditLog::last_inviter(organizations::OrganizationId organization,
                                                          const std::string& email) {
    const long long organization_id = organization;
    long long actor = 0;
    soci::indicator actor_indicator = soci::i_null;
    m_sql << "SELECT actor_user_id FROM audit_events WHERE organization_id = :o AND target = :t "
             "AND action IN ('invitation.sent', 'invitation.resent') AND actor_user_id IS NOT NULL "
             "ORDER BY id DESC LIMIT 1",
        soci::use(organization_id), soci::use(email), soci::into(actor, actor_indicator);
    if (!m_sql.got_data() || actor_indicator != soci::i_ok)
        return std::nullopt;
    return actor;
}

} // namespace numeria::storage
