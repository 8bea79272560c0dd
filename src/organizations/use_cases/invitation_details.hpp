// invitation_details.hpp: what the invitation page shows before the invited person accepts
// (docs/rules/organizations.md "Invitations"): the organisation, the role and who invited.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "organizations/ports.hpp"

#include <optional>
#include <string>

namespace numeria::organizations {

struct InvitationDetails {
    OrganizationId organization_id = 0;
    Role role = Role::Member;                // the role the person gets on acceptance today
    std::optional<identity::UserId> inviter; // who sent it, or last sent it again
};

// Guard clause: a pending, unexpired invitation (invitation.link_invalid), as on acceptance. Nothing
// is written.
[[nodiscard]] Result<InvitationDetails> read_invitation(const std::string& token, InvitationRepository& invitations,
                                                        MembershipRepository& memberships, AuditLog& audit,
                                                        const Clock& clock);

} // namespace numeria::organizations
