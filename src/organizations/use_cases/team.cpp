#include "organizations/use_cases/team.hpp"

#include "identity/api.hpp"
#include "identity/domain/login_name.hpp"

namespace numeria::organizations {

namespace {

void record(AuditLog& audit, OrganizationId organization, const Actor& actor, std::string action, std::string target,
            std::string detail, EpochMs now) {
    audit.record(AuditEvent{organization, actor.user_id, std::move(action), std::move(target), std::move(detail),
                            actor.ip, now});
}

InvitationSent renew(Invitation invitation, InvitationRepository& invitations, EpochMs now) {
    std::string token = identity::new_token();
    invitation.token_digest = identity::token_digest(token);
    invitation.updated_at = now;
    invitation.expires_at = now + INVITATION_LIFETIME_MS;
    invitations.update(invitation);
    return InvitationSent{std::move(invitation), std::move(token)};
}

} // namespace

Result<InvitationSent> invite_member(OrganizationId organization, const std::string& email, std::optional<Role> role,
                                     const Actor& actor, InvitationRepository& invitations, AuditLog& audit,
                                     const Clock& clock) {
    const std::string normalized = identity::normalize_email(email);
    if (!identity::is_plausible_email(normalized))
        return fail(Error::invalid("invitation.email_invalid"));
    const EpochMs now = clock.now();
    record(audit, organization, actor, "invitation.sent", normalized, role ? role_code(*role) : "", now);
    if (std::optional<Invitation> pending = invitations.find_pending(organization, normalized)) {
        pending->role = role;
        return renew(*pending, invitations, now);
    }
    std::string token = identity::new_token();
    Invitation invitation;
    invitation.organization_id = organization;
    invitation.email = normalized;
    invitation.role = role;
    invitation.token_digest = identity::token_digest(token);
    invitation.created_at = now;
    invitation.updated_at = now;
    invitation.expires_at = now + INVITATION_LIFETIME_MS;
    invitation.id = invitations.create(invitation);
    return InvitationSent{std::move(invitation), std::move(token)};
}

Result<InvitationSent> resend_invitation(OrganizationId organization, InvitationId id, const Actor& actor,
                                         InvitationRepository& invitations, AuditLog& audit, const Clock& clock) {
    std::optional<Invitation> invitation = invitations.find(id);
    if (!invitation || invitation->organization_id != organization || invitation->status != InvitationStatus::Pending)
        return fail(Error::not_found("invitation.not_found"));
    record(audit, organization, actor, "invitation.resent", invitation->email, "", clock.now());
    return renew(*invitation, invitations, clock.now());
}

Status cancel_invitation(OrganizationId organization, InvitationId id, const Actor& actor,
                         InvitationRepository& invitations, AuditLog& audit, const Clock& clock) {
    std::optional<Invitation> invitation = invitations.find(id);
    if (!invitation || invitation->organization_id != organization || invitation->status != InvitationStatus::Pending)
        return fail(Error::not_found("invitation.not_found"));
    invitation->status = InvitationStatus::Cancelled;
    invitation->updated_at = clock.now();
    invitations.update(*invitation);
    record(audit, organization, actor, "invitation.cancelled", invitation->email, "", clock.now());
    return {};
}

Result<OrganizationId> accept_invitation(const std::string& token, const Actor& actor,
                                         InvitationRepository& invitations, MembershipRepository& memberships,
                                         AuditLog& audit, const Clock& clock) {
    const EpochMs now = clock.now();
    std::optional<Invitation> invitation = invitations.find_by_digest(identity::token_digest(token));
    if (!invitation || invitation->status != InvitationStatus::Pending || invitation->expires_at <= now ||
        !actor.user_id)
        return fail(Error::invalid("invitation.link_invalid"));
    if (!invitations.accept_pending(invitation->id, now))
        return fail(Error::invalid("invitation.link_invalid"));
    const OrganizationId organization = invitation->organization_id;
    Role role = role_on_acceptance(invitation->role, memberships.count_active(organization));
    // Someone already in the team keeps an admin role they have.
    if (auto existing = memberships.find(organization, *actor.user_id); existing && existing->role == Role::Admin)
        role = Role::Admin;
    memberships.put(Membership{organization, *actor.user_id, role}, now);
    record(audit, organization, actor, "invitation.accepted", invitation->email, role_code(role), now);
    return organization;
}

Status change_role(OrganizationId organization, identity::UserId user, Role role, const Actor& actor,
                   MembershipRepository& memberships, AuditLog& audit, const Clock& clock) {
    std::optional<Membership> membership = memberships.find(organization, user);
    if (!membership)
        return fail(Error::not_found("membership.not_found"));
    if (membership->role == role)
        return {};
    // Rule: docs/rules/organizations.md "The team": the last admin can be neither removed nor demoted.
    if (membership->role == Role::Admin && memberships.count_admins(organization) <= 1)
        return fail(Error::rule("membership.last_admin"));
    memberships.put(Membership{organization, user, role}, clock.now());
    record(audit, organization, actor, "role.changed", std::to_string(user),
           std::string(role_code(membership->role)) + "→" + role_code(role), clock.now());
    return {};
}

// Rule: docs/rules/organizations.md "Operator commands": the operator adds a member or changes a
// role with the team's own guard and audit events.
Result<bool> put_member(OrganizationId organization, identity::UserId user, Role role, const Actor& actor,
                        MembershipRepository& memberships, AuditLog& audit, const Clock& clock) {
    if (memberships.find(organization, user)) {
        NUMERIA_TRY_STATUS(change_role(organization, user, role, actor, memberships, audit, clock));
        return false;
    }
    memberships.put(Membership{organization, user, role}, clock.now());
    record(audit, organization, actor, "member.added", std::to_string(user), role_code(role), clock.now());
    return true;
}

Status remove_member(OrganizationId organization, identity::UserId user, const Actor& actor,
                     MembershipRepository& memberships, AuditLog& audit, const Clock& clock) {
    std::optional<Membership> membership = memberships.find(organization, user);
    if (!membership)
        return fail(Error::not_found("membership.not_found"));
    if (membership->role == Role::Admin && memberships.count_admins(organization) <= 1)
        return fail(Error::rule("membership.last_admin"));
    memberships.remove(organization, user, clock.now());
    record(audit, organization, actor, "member.removed", std::to_string(user), role_code(membership->role),
           clock.now());
    return {};
}

} // namespace numeria::organizations
