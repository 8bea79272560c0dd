#include "web/pages/system_pages.hpp"

#include "web/assets.hpp"
#include "web/dispatch.hpp"
#include "web/web_app.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace numeria::web {

namespace {

// Rule: docs/rules/security.md "Operations endpoints": the metrics and the version are for the
// operator, who presents the metrics token; nobody else learns them.
bool presents_metrics_token(const Request& request, const WebApp& app) {
    const std::string& token = app.config.metrics_token;
    auto authorization = request.header("authorization");
    if (token.empty() || !authorization || authorization->rfind("Bearer ", 0) != 0)
        return false;
    const std::string given = authorization->substr(7);
    return given.size() == token.size() && sodium_memcmp(given.data(), token.data(), token.size()) == 0;
}

} // namespace

Response get_healthz(const Request& request, WebApp& app) {
    nlohmann::json body = {{"database", app.transactions.engine_name()}};
    if (presents_metrics_token(request, app))
        body["version"] = app.config.version;
    try {
        body["status"] = app.transactions.ping() ? "ok" : "error";
    } catch (const std::exception&) {
        body["status"] = "error";
    }
    return Response::json(body["status"] == "ok" ? 200 : 503,
                          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response get_metrics(const Request& request, WebApp& app) {
    if (app.config.metrics_token.empty())
        return error_response(app, 404, request);
    if (!presents_metrics_token(request, app)) {
        Response refused = error_response(app, 401, request);
        refused.set_header("WWW-Authenticate", "Bearer");
        return refused;
    }
    return Response::text(200, app.metrics.render(app.transactions.pool_stats(), app.transactions.engine_name()),
                          "text/plain; version=0.0.4; charset=utf-8");
}

Response get_asset(const Request& request, WebApp& app) {
    bool current_version = false;
    auto asset = app.assets.find(request.params.at("mount"), request.params.at("path"), current_version);
    if (!asset)
        return error_response(app, 404, request);
    const bool hashed_url = request.path.rfind("/assets/", 0) == 0;
    // Rule: docs/rules/web.md "Compressed assets": gzip when the client accepts it, with its own ETag.
    const std::optional<std::string> accept = request.header("accept-encoding");
    const bool gzip = !asset->gzip.empty() && accept && accepts_gzip(*accept);
    const std::string& etag = gzip ? asset->gzip_etag : asset->etag;
    Response response;
    response.set_header("ETag", etag);
    if (!asset->gzip.empty())
        response.set_header("Vary", "Accept-Encoding");
    if (hashed_url && current_version)
        response.set_header("Cache-Control", "public, max-age=31536000, immutable");
    else
        response.set_header("Cache-Control", "public, no-cache");
    if (auto match = request.header("if-none-match"); match && *match == etag) {
        response.status = 304;
        response.content_type.clear();
        return response;
    }
    response.content_type = asset->content_type;
    if (gzip)
        response.set_header("Content-Encoding", "gzip");
    response.body = gzip ? asset->gzip : asset->content;
    return response;
}

} // namespace numeria::web
