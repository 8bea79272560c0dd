// legal_pages.hpp: the public pages every French public service publishes, linked from the footer
// (docs/rules/web.md "Legal pages"), filled from the operator's site file (web/site_info.hpp).
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

// GET /accessibilite: the accessibility statement ("Déclaration d'accessibilité", RGAA model).
[[nodiscard]] Response get_accessibility_statement(const Request& request, WebApp& app);
// GET /mentions-legales: publisher, publication director, host.
[[nodiscard]] Response get_legal_notice(const Request& request, WebApp& app);
// GET /donnees-personnelles: the processing of personal data and the cookies.
[[nodiscard]] Response get_personal_data(const Request& request, WebApp& app);

} // namespace numeria::web
