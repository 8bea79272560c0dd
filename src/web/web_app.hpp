// web_app.hpp: what every handler can reach. Built once in app/cli_server.cpp (the composition
// root) and shared read-only between the server's threads; mutable parts are thread-safe.
#pragma once

#include "application/services.hpp"
#include "content/model/content_model.hpp"
#include "core/clock.hpp"
#include "core/mailer.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/domain/password_hashing_pool.hpp"
#include "web/assets.hpp"
#include "web/mail_messages.hpp"
#include "web/metrics.hpp"
#include "web/router.hpp"
#include "web/site_info.hpp"
#include "web/templates.hpp"

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace numeria::web {

struct WebConfig {
    std::string version;
    std::string base_url; // e.g. "https://numeria.example.fr"; "" when unknown
    identity::HashStrength hash_strength = identity::HashStrength::Interactive;
    std::string secret_key;                   // 32 bytes from the secret file: signs CSRF tokens
    std::string metrics_token;                // empty: GET /metrics answers 404
    std::vector<std::string> trusted_proxies; // see web/client_address.hpp
    int sign_ups_per_address_hour = 10;
    SiteInfo site; // who publishes and hosts this server, for the legal pages

    // Cookies get the Secure attribute when the public URL is https.
    [[nodiscard]] bool secure_cookies() const { return base_url.rfind("https://", 0) == 0; }
};

struct WebApp {
    WebApp(WebConfig web_config, application::Transactions& tx, Templates page_templates)
        : config(std::move(web_config))
        , transactions(tx)
        , templates(std::move(page_templates)) {}

    // The address links in e-mails start with: NUMERIA_BASE_URL, or the address the server
    // listens on when none is set.
    [[nodiscard]] std::string public_url() const { return config.base_url.empty() ? listening_url : config.base_url; }

    WebConfig config;
    application::Transactions& transactions;
    Templates templates;
    std::string listening_url;
    Assets assets;
    Metrics metrics;
    Router router;
    // The learning content, validated at start (docs/rules/content.md "Content at start"); immutable,
    // shared by every request.
    std::shared_ptr<const content::Content> content = std::make_shared<const content::Content>();
    SystemClock clock;
    identity::PasswordHasher hasher{config.hash_strength};
    // Every hash and password check of a request runs here, outside transactions (docs/rules/
    // security.md, "Password hashing"): one worker per core, and as many waiting at most.
    identity::PasswordHashingPool hashing{config.hash_strength, std::max(1U, std::thread::hardware_concurrency()),
                                          std::max(1U, std::thread::hardware_concurrency())};
    WebMailTexts mail_texts{*this};
    // What handlers call the use cases with (application/); the composition root sets its two
    // notifications (the job runner, the student-base import worker).
    application::Services services{transactions, clock, hasher, hashing, mail_texts, config.sign_ups_per_address_hour};
};

} // namespace numeria::web
