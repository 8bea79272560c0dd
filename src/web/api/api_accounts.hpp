// api_accounts.hpp: the API of accounts, activation, the team and the Admin space (the rest of
// the /api/v1 routes), beside api_handlers.hpp.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response api_post_user(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_logout(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_my_password(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_password_reset(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_activation(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_activation_confirm(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_invitation_accept(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_invitation_resend(const Request& request, WebApp& app);
[[nodiscard]] Response api_delete_invitation(const Request& request, WebApp& app);
[[nodiscard]] Response api_patch_member(const Request& request, WebApp& app);
[[nodiscard]] Response api_delete_member(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_audit_events(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_admin_organizations(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_admin_organization(const Request& request, WebApp& app);

} // namespace numeria::web
