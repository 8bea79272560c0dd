// team_pages.hpp: the Orga "Équipe" tab (members, invitations, roles, removal), the audit log of
// an organisation, and the page an invitation link opens.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response get_team(const Request& request, WebApp& app);
[[nodiscard]] Response post_invitation(const Request& request, WebApp& app);
[[nodiscard]] Response post_resend_invitation(const Request& request, WebApp& app);
[[nodiscard]] Response post_cancel_invitation(const Request& request, WebApp& app);
[[nodiscard]] Response post_member_role(const Request& request, WebApp& app);
[[nodiscard]] Response post_remove_member(const Request& request, WebApp& app);
[[nodiscard]] Response get_audit_log(const Request& request, WebApp& app);
[[nodiscard]] Response get_invitation(const Request& request, WebApp& app);
[[nodiscard]] Response post_accept_invitation(const Request& request, WebApp& app);

} // namespace numeria::web
