// invitation_view.hpp: the invitation page's use case (docs/rules/organizations.md "Invitations"):
// the organisation, the role and the inviter of a pending invitation, read in one transaction.
#pragma once

#include "application/services.hpp"
#include "organizations/domain/organization.hpp"

#include <string>

namespace numeria::application {

struct InvitationView {
    organizations::OrganizationId organization_id = 0;
    std::string organization_name;
    organizations::Role role = organizations::Role::Member;
    std::string inviter_first_name; // empty when the inviter's account is gone
    std::string inviter_last_name;
};

// invitation.link_invalid when the link is unknown, used, cancelled or expired.
[[nodiscard]] Result<InvitationView> view_invitation(Services& app, const std::string& token);

} // namespace numeria::application
