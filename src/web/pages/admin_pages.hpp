// admin_pages.hpp: the national Admin space: the list of organisations and their creation.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response get_admin_organizations(const Request& request, WebApp& app);
[[nodiscard]] Response post_admin_organization(const Request& request, WebApp& app);

} // namespace numeria::web
