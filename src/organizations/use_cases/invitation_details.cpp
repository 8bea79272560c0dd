#include "organizations/use_cases/invitation_details.hpp"

#include "identity/api.hpp"

namespace numeria::organizations {

Result<InvitationDetails> read_invitation(const std::string& token, InvitationRepository& invitations,
                                          MembershipRepository& memberships, AuditLog& audit, const Clock& clock) {
    std::optional<Invitation> invitation = invitations.find_by_digest(identity::token_digest(token));
    if (!invitation || invitation->status != InvitationStatus::Pending || invitation->expires_at <= clock.now())
        return fail(Error::invalid("invitation.link_invalid"));
    // Rule: docs/rules/organizations.md "Invitations": the page names the organisation, the role the
    // person will get and who invited them, before they accept.
    return InvitationDetails{
        invitation->organization_id,
        role_on_acceptance(invitation->role, memberships.count_active(invitation->organization_id)),
        audit.last_inviter(invitation->organization_id, invitation->email)};
}

} // namespace numeria::organizations
