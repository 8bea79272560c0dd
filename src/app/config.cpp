#include "app/config.hpp"

namespace numeria::app {

void add_storage_options(CLI::App& command, Config& config) {
    command.add_option("--database", config.database, "sqlite:PATH or postgresql://… (libpq URI)")
        ->envname("NUMERIA_DATABASE")
        ->capture_default_str();
    command
        .add_option("--home", config.home,
                    "folder holding src/web/templates, src/web/static, src/storage/migrations, content/ "
                    "and node_modules/ (default: the source tree this binary was built from)")
        ->envname("NUMERIA_HOME");
}

void add_serve_options(CLI::App& command, Config& config) {
    add_storage_options(command, config);
    command.add_option("--port", config.port, "TCP port (0: any free port)")
        ->envname("NUMERIA_PORT")
        ->capture_default_str();
    command.add_option("--bind", config.bind, "address to listen on")->envname("NUMERIA_BIND")->capture_default_str();
    command.add_option("--base-url", config.base_url, "public URL, used in e-mails; https:// turns on Secure cookies")
        ->envname("NUMERIA_BASE_URL");
    command.add_option("--secret-file", config.secret_file, "key file for tokens, created (mode 600) if missing")
        ->envname("NUMERIA_SECRET_FILE")
        ->capture_default_str();
    command.add_option("--smtp-url", config.smtp_url, "smtp://host:port to send e-mail; empty: write .eml files")
        ->envname("NUMERIA_SMTP_URL");
    command.add_option("--mail-from", config.mail_from, "sender address of the e-mails")
        ->envname("NUMERIA_MAIL_FROM")
        ->capture_default_str();
    command.add_option("--outbox-dir", config.outbox_dir, "where e-mails go when no SMTP server is set")
        ->envname("NUMERIA_OUTBOX_DIR")
        ->capture_default_str();
    command.add_option("--log-level", config.log_level, "trace, debug, info, warn, error or critical")
        ->envname("NUMERIA_LOG_LEVEL")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical"}))
        ->capture_default_str();
    command
        .add_option("--threads", config.threads,
                    "HTTP worker threads (0: one per core, at least 2, plus two per core for requests waiting "
                    "for password hashing)")
        ->envname("NUMERIA_THREADS")
        ->capture_default_str();
    command.add_option("--pool-size", config.pool_size, "database sessions in the pool")
        ->envname("NUMERIA_POOL_SIZE")
        ->capture_default_str();
    command
        .add_option("--header-timeout-ms", config.header_timeout_ms,
                    "time allowed for a request's head, idle keep-alive included (slow clients are cut)")
        ->envname("NUMERIA_HEADER_TIMEOUT_MS")
        ->capture_default_str();
    command
        .add_option("--shutdown-grace-ms", config.shutdown_grace_ms,
                    "on SIGTERM/SIGINT, time left to in-flight requests before exiting")
        ->envname("NUMERIA_SHUTDOWN_GRACE_MS")
        ->capture_default_str();
    command
        .add_option("--metrics-token", config.metrics_token,
                    "token that GET /metrics requires (Authorization: Bearer …); empty: /metrics answers 404")
        ->envname("NUMERIA_METRICS_TOKEN");
    command
        .add_option("--upload-dir", config.upload_dir,
                    "where large request bodies (student-base files) are written while they arrive")
        ->envname("NUMERIA_UPLOAD_DIR")
        ->capture_default_str();
    command
        .add_option("--max-concurrent-uploads", config.max_concurrent_uploads,
                    "large request bodies received at once; more get 503 with Retry-After")
        ->envname("NUMERIA_MAX_CONCURRENT_UPLOADS")
        ->check(CLI::Range(1U, 1000U))
        ->capture_default_str();
    command
        .add_option("--job-claim-seconds", config.job_claim_seconds,
                    "a background job (student import, e-mail) whose process died is taken again after this long "
                    "(renewed while it runs)")
        ->envname("NUMERIA_JOB_CLAIM_SECONDS")
        ->check(CLI::Range(1U, 3600U))
        ->capture_default_str();
    command
        .add_option("--trusted-proxy", config.trusted_proxies,
                    "address of a load balancer whose X-Forwarded-For last hop is the client's address "
                    "(repeat, or comma-separated; default: none, the peer address is the client's)")
        ->envname("NUMERIA_TRUSTED_PROXY")
        ->delimiter(',');
    command
        .add_option("--sign-ups-per-address-hour", config.sign_ups_per_address_hour,
                    "sign-ups allowed from one client address in an hour")
        ->envname("NUMERIA_SIGN_UPS_PER_ADDRESS_HOUR")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command
        .add_option("--site-file", config.site_file,
                    "YAML file of who publishes and hosts this server, shown on the legal pages (model: "
                    "config/site.example.yaml); missing at its default path: the pages show placeholders")
        ->envname("NUMERIA_SITE_FILE")
        ->capture_default_str();
    command.add_flag("--insecure-fast-password-hashing", config.fast_password_hashing,
                     "TESTS ONLY: hash passwords with argon2id's minimum limits");
    command.add_flag("--demo", config.demo, "load the demo data on first start and print the demo log-ins");
}

std::filesystem::path home_path(const Config& config) {
    if (!config.home.empty())
        return config.home;
    return NUMERIA_DEFAULT_HOME;
}

} // namespace numeria::app
