// api_handlers.hpp: the JSON API under /api/v1, described by the OpenAPI
// document at /api/v1/openapi.json. Same use cases as the pages; errors are
// {"error":{"code","message"}} with the status of web/error_mapping.cpp.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response api_post_token(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_me(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_organizations(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_members(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_invitations(const Request& request, WebApp& app);
[[nodiscard]] Response api_post_invitation(const Request& request, WebApp& app);
[[nodiscard]] Response api_get_openapi(const Request& request, WebApp& app);

} // namespace numeria::web
