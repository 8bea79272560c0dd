// team.hpp: the Orga "Équipe" tab (docs/rules/organizations.md "Invitations", "The team"): invite members by e-mail,
// resend or cancel an invitation, accept it, change roles, remove members. Every change is
// written to the audit log.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "organizations/ports.hpp"

#include <optional>
#include <string>

namespace numeria::organizations {

// Who acts, for the audit log.
struct Actor {
    std::optional<identity::UserId> user_id;
    std::string ip;
};

struct InvitationSent {
    Invitation invitation;
    std::string token; // for the link in the e-mail only
};

// Guard clause: a plausible e-mail (invitation.email_invalid). A pending invitation to the same
// address is reused and sent again with a new link (docs/rules/organizations.md "Invitations").
[[nodiscard]] Result<InvitationSent> invite_member(OrganizationId organization, const std::string& email,
                                                   std::optional<Role> role, const Actor& actor,
                                                   InvitationRepository& invitations, AuditLog& audit,
                                                   const Clock& clock);

// A new link for a pending invitation of this organisation (invitation.not_found otherwise).
[[nodiscard]] Result<InvitationSent> resend_invitation(OrganizationId organization, InvitationId id, const Actor& actor,
                                                       InvitationRepository& invitations, AuditLog& audit,
                                                       const Clock& clock);

[[nodiscard]] Status cancel_invitation(OrganizationId organization, InvitationId id, const Actor& actor,
                                       InvitationRepository& invitations, AuditLog& audit, const Clock& clock);

// Guard clause: a pending, unexpired invitation (invitation.link_invalid). The signed-in user joins
// with the invitation's role, or ADMIN when the organisation has no member yet.
[[nodiscard]] Result<OrganizationId> accept_invitation(const std::string& token, const Actor& actor,
                                                       InvitationRepository& invitations,
                                                       MembershipRepository& memberships, AuditLog& audit,
                                                       const Clock& clock);

// The operator's `org add-member`: a person who is not an active member joins with `role`
// ("member.added" in the audit log); a member gets `role` like change_role (the last admin is never
// demoted: membership.last_admin); nothing changes when they already have it.
[[nodiscard]] Result<bool> put_member(OrganizationId organization, identity::UserId user, Role role, const Actor& actor,
                                      MembershipRepository& memberships, AuditLog& audit, const Clock& clock);

// Guard clauses: an active member (membership.not_found); the last admin is never demoted
// (membership.last_admin).
[[nodiscard]] Status change_role(OrganizationId organization, identity::UserId user, Role role, const Actor& actor,
                                 MembershipRepository& memberships, AuditLog& audit, const Clock& clock);

// Soft removal (history kept). Guard clauses as change_role: the last admin is never removed.
[[nodiscard]] Status remove_member(OrganizationId organization, identity::UserId user, const Actor& actor,
                                   MembershipRepository& memberships, AuditLog& audit, const Clock& clock);

} // namespace numeria::organizations
