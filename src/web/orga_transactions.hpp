// orga_transactions.hpp: the Orga use cases (activation, team) each run in one transaction with the
// SQL adapters, then the e-mail they call for is sent. Pages (web/pages/) and the API (web/api/)
// both call these, so the wiring exists once.
#pragma once

#include "organizations/use_cases/activate_school.hpp"
#include "organizations/use_cases/team.hpp"
#include "web/http.hpp"

#include <functional>
#include <optional>
#include <string>

namespace numeria::web {

struct WebApp;

// Requests an activation and mails the link to the establishment's official address
// (mail.not_sent when the mail could not leave).
[[nodiscard]] Result<organizations::ActivationRequested>
run_request_activation(WebApp& app, const Request& request, const organizations::RequestActivation& command);

[[nodiscard]] Result<organizations::ActivationConfirmed> run_confirm_activation(WebApp& app, const Request& request,
                                                                                const std::string& token);

// Invites (or re-invites) an address to the route's organisation and mails the link.
[[nodiscard]] Result<organizations::InvitationSent> run_invite_member(WebApp& app, const Request& request,
                                                                      const std::string& email,
                                                                      std::optional<organizations::Role> role);
[[nodiscard]] Result<organizations::InvitationSent> run_resend_invitation(WebApp& app, const Request& request,
                                                                          organizations::InvitationId id);

[[nodiscard]] Result<organizations::OrganizationId> run_accept_invitation(WebApp& app, const Request& request,
                                                                          const std::string& token);

using TeamChange = std::function<Status(organizations::MembershipRepository&, organizations::InvitationRepository&,
                                        organizations::AuditLog&)>;
// Runs a change of the team (role, removal, cancellation) in one transaction.
[[nodiscard]] Status run_team_change(WebApp& app, const TeamChange& change);

// The viewer and address of the request, for the audit log.
[[nodiscard]] organizations::Actor actor_of(const Request& request);

} // namespace numeria::web
