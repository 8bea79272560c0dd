// home_page.hpp: the public home page presenting the three spaces, and the spaces' entry pages.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

[[nodiscard]] Response get_home(const Request& request, WebApp& app);
// /mon-espace, /orga, /certif: the entry of each space (sign-in arrives with the accounts).
[[nodiscard]] Response get_space(const Request& request, WebApp& app);
// /conditions-utilisation: the terms of use accepted at sign-up.
[[nodiscard]] Response get_terms(const Request& request, WebApp& app);

} // namespace numeria::web
