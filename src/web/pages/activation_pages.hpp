// activation_pages.hpp: "Activer ou récupérer l'espace de mon établissement"
// (docs/rules/organizations.md "Activation by UAI").
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response get_activation(const Request& request, WebApp& app);
[[nodiscard]] Response post_activation(const Request& request, WebApp& app);
[[nodiscard]] Response get_activation_confirm(const Request& request, WebApp& app);
[[nodiscard]] Response post_activation_confirm(const Request& request, WebApp& app);

} // namespace numeria::web
