// config.hpp: the server's settings, from flags with NUMERIA_* environment fallbacks
// (documented by `numeria serve --help`).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace numeria::app {

struct Config {
    std::uint16_t port = 8080;
    std::string bind = "127.0.0.1";
    std::string database = "sqlite:var/numeria.db";
    std::string base_url;
    std::string secret_file = "var/secret.key";
    std::string smtp_url;
    std::string outbox_dir = "var/outbox";
    std::string mail_from = "ne-pas-repondre@numeria.localhost";
    std::string log_level = "info";
    std::string home;     // where templates, static files, content and migrations are read
    unsigned threads = 0; // 0: one per core (at least 2) + two per core for password hashing
    std::size_t pool_size = 8;
    bool demo = false;
    bool fast_password_hashing = false;       // tests only: argon2id at its minimum limits
    unsigned header_timeout_ms = 10'000;      // whole request head, idle keep-alive included
    unsigned shutdown_grace_ms = 4'000;       // in-flight requests after SIGTERM/SIGINT
    std::vector<std::string> trusted_proxies; // peers whose X-Forwarded-For last hop is believed
    int sign_ups_per_address_hour = 10;
    std::string metrics_token; // empty: /metrics is not served
    std::string upload_dir = "var/uploads";
    unsigned max_concurrent_uploads = 4;
    unsigned job_claim_seconds = 60; // how long a job's claim (an import, a mail) lasts without renewal
    // The operator's details for the legal pages (app/site_file.hpp).
    std::string site_file = "config/site.yaml";
};

// Adds --database (NUMERIA_DATABASE) and --home (NUMERIA_HOME): every command that touches storage.
void add_storage_options(CLI::App& command, Config& config);
// Adds every option of `numeria serve`.
void add_serve_options(CLI::App& command, Config& config);

[[nodiscard]] std::filesystem::path home_path(const Config& config);

} // namespace numeria::app
