// system_pages.hpp: the operator's routes: health check, Prometheus metrics, static assets.
#pragma once

#include "web/http.hpp"

namespace numeria::web {

struct WebApp;

// GET /healthz: 200 {"status":"ok","database":"sqlite"|"postgresql","version":"…"}, 503 when the
// database does not answer.
[[nodiscard]] Response get_healthz(const Request& request, WebApp& app);
// GET /metrics: Prometheus text format.
[[nodiscard]] Response get_metrics(const Request& request, WebApp& app);
// GET /assets/:mount/*path (content-hashed, cached a year) and /static/:mount/*path (revalidated).
[[nodiscard]] Response get_asset(const Request& request, WebApp& app);

} // namespace numeria::web
