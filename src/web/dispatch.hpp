// dispatch.hpp: from a parsed Request to the Response, independent of the HTTP library.
// Finds the route, runs its handler, turns an escaped exception into a logged French 500
// (the single catch of docs/adr/0003-errors-as-values.md), adds the security headers, writes the access-log
// line and the metrics.
#pragma once

#include "web/http.hpp"
#include "web/router.hpp"

#include <chrono>

namespace numeria::web {

struct WebApp;

// Runs the request through the router and its handler (authorising it first unless
// authorize_head already did).
[[nodiscard]] Response dispatch(WebApp& app, Request& request, const RouteMatch& match);

// Rule: docs/rules/security.md "Large bodies": who calls, the CSRF header and the route's access,
// checked from the head alone, before any byte of a large body is read. The refusal, or nothing
// (then request.authorized is set and dispatch does not check again).
[[nodiscard]] std::optional<Response> authorize_head(WebApp& app, Request& request, const RouteMatch& match);

// A French HTML error page, or {"error":{"code","message"}} under /api/.
[[nodiscard]] Response error_response(const WebApp& app, int status, const Request& request);

// Security headers on every response; ETag/caching headers are the handler's.
void add_security_headers(const WebApp& app, Response& response);

// One JSON access-log line (method, route, status, µs, request id) and the route's metrics.
void record_request(WebApp& app, const Request& request, const std::string& route_name, int status,
                    std::chrono::steady_clock::time_point started, std::size_t bytes);

// A fresh request id (16 hex digits), or the caller's X-Request-Id when it is short and safe.
[[nodiscard]] std::string make_request_id(const std::optional<std::string>& incoming);

} // namespace numeria::web
