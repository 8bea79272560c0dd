// password_reset_pages.hpp: "Mot de passe oublié" (ask for a link) and the page the link opens
// (choose a new password).
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response get_forgotten_password(const Request& request, WebApp& app);
[[nodiscard]] Response post_forgotten_password(const Request& request, WebApp& app);
[[nodiscard]] Response get_new_password(const Request& request, WebApp& app);
[[nodiscard]] Response post_new_password(const Request& request, WebApp& app);

} // namespace numeria::web
