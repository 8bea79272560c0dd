// team.hpp: the use cases of an organisation's space (docs/adr/0008): school activation by UAI,
// the team (invitations, roles, removal; docs/rules/organizations.md) and the national Admin's
// list of organisations. Mails are enqueued with the rows they are about (docs/rules/jobs.md).
#pragma once

#include "application/services.hpp"
#include "organizations/use_cases/activate_school.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "organizations/use_cases/team.hpp"

#include <optional>
#include <string>
#include <vector>

namespace numeria::application {

[[nodiscard]] Result<organizations::ActivationRequested>
request_activation(Services& app, const organizations::RequestActivation& command);
[[nodiscard]] Result<organizations::ActivationConfirmed> confirm_activation(Services& app, const std::string& token,
                                                                            const organizations::Actor& actor);

// `inviter` is the name the mail gives as the sender of the invitation.
[[nodiscard]] Result<organizations::InvitationSent>
invite_member(Services& app, organizations::OrganizationId id, const std::string& email,
              std::optional<organizations::Role> role, const organizations::Actor& actor, const std::string& inviter);
[[nodiscard]] Result<organizations::InvitationSent> resend_invitation(Services& app, organizations::OrganizationId id,
                                                                      organizations::InvitationId invitation,
                                                                      const organizations::Actor& actor,
                                                                      const std::string& inviter);
[[nodiscard]] Status cancel_invitation(Services& app, organizations::OrganizationId id,
                                       organizations::InvitationId invitation, const organizations::Actor& actor);
[[nodiscard]] Result<organizations::OrganizationId> accept_invitation(Services& app, const std::string& token,
                                                                      const organizations::Actor& actor);
// The last admin stays, even when two admins demote or remove each other at the same moment.
[[nodiscard]] Status change_role(Services& app, organizations::OrganizationId id, identity::UserId user,
                                 organizations::Role role, const organizations::Actor& actor);
[[nodiscard]] Status remove_member(Services& app, organizations::OrganizationId id, identity::UserId user,
                                   const organizations::Actor& actor);

struct TeamView {
    organizations::Organization organization;
    std::vector<organizations::MemberView> members;
    std::vector<organizations::Invitation> invitations; // pending
};
[[nodiscard]] Result<TeamView> view_team(Services& app, organizations::OrganizationId id);

struct AuditView {
    organizations::Organization organization;
    std::vector<organizations::AuditEvent> events; // newest first
};
[[nodiscard]] Result<AuditView> view_audit_log(Services& app, organizations::OrganizationId id, int limit);

[[nodiscard]] Result<organizations::Organization> find_organization(Services& app, organizations::OrganizationId id);
[[nodiscard]] std::vector<organizations::Organization> list_organizations(Services& app);
[[nodiscard]] Result<organizations::OrganizationId>
create_organization(Services& app, const organizations::CreateOrganization& command);

} // namespace numeria::application
