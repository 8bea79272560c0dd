// web_app.hpp: what every handler can reach. Built once in app/cli_server.cpp (the composition
// root) and shared read-only between the server's threads; mutable parts are thread-safe.
#pragma once

#include "storage/database.hpp"
#include "web/assets.hpp"
#include "web/metrics.hpp"
#include "web/router.hpp"
#include "web/templates.hpp"

#include <string>

namespace numeria::web {

struct WebConfig {
    std::string version;
    std::string base_url; // e.g. "https://numeria.example.fr"; "" when unknown
};

struct WebApp {
    WebConfig config;
    storage::Database& database;
    Templates templates;
    Assets assets;
    Metrics metrics;
    Router router;
};

} // namespace numeria::web
