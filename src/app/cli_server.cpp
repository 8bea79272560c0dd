// cli_server.cpp: `numeria serve` and `numeria migrate`, the composition root of the server:
// configuration → logging → database (open + migrate) → content and templates → routes → HTTP.
#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/demo_data.hpp"
#include "app/site_file.hpp"
#include "app/storage_setup.hpp"
#include "application/job_runner.hpp"
#include "application/learners/credential_batch_job.hpp"
#include "application/learners/learner_import_job.hpp"
#include "application/mail_outbox.hpp"
#include "content/loading/content_loader.hpp"
#include "mail/outbox_mailer.hpp"
#include "mail/smtp_mailer.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/sql_unit_of_work.hpp"
#include "web/account_link_notices.hpp"
#include "web/dsfr_bundle.hpp"
#include "web/routes.hpp"
#include "web/server.hpp"
#include "web/web_app.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

namespace numeria::app {

namespace {

void configure_logging(const std::string& level) {
    // Every log line is one JSON object on stdout (access log included).
    auto logger = spdlog::stdout_logger_mt("numeria");
    logger->set_pattern("%v");
    logger->set_level(spdlog::level::from_str(level));
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
    auto access = spdlog::stdout_logger_mt("access");
    access->set_pattern("%v");
    access->set_level(spdlog::level::from_str(level));
    access->flush_on(spdlog::level::info);
}

// The key that signs tokens (CSRF tokens). Created once, readable by its owner only.
std::string read_secret_key(const std::string& path) {
    std::ifstream in(path);
    std::string hex;
    in >> hex;
    std::string key(32, '\0');
    std::size_t length = 0;
    if (hex.size() != 64 ||
        sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex.data(), hex.size(), nullptr,
                       &length, nullptr) != 0 ||
        length != key.size())
        refuse_to_start("le fichier de clé « " + path + " » est illisible (64 chiffres hexadécimaux attendus)");
    return key;
}

void ensure_secret_file(const std::string& path) {
    std::error_code error;
    if (std::filesystem::exists(path, error))
        return;
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty())
        std::filesystem::create_directories(parent, error);
    unsigned char key[32];
    randombytes_buf(key, sizeof key);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    std::ofstream out(path);
    if (!out)
        refuse_to_start("impossible de créer le fichier de clé « " + path + " »");
    out << hex << "\n";
    out.close();
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, error);
}

int serve(const Config& config) {
    configure_logging(config.log_level);
    const std::filesystem::path home = home_path(config);
    std::unique_ptr<storage::Database> db = open_and_migrate(config);
    ensure_secret_file(config.secret_file);

    // The learning content is validated at start: invalid content stops the server
    // (docs/rules/content.md "Content at start").
    content::LoadResult loaded = content::load_content(home / "content");
    if (!loaded.errors.empty()) {
        const content::LoadError& first = loaded.errors.front();
        refuse_to_start("contenu pédagogique invalide (" + std::to_string(loaded.errors.size()) +
                        " erreur(s), voir « numeria content check content ») ; première : " + first.file + ":" +
                        std::to_string(first.line) + ": " + first.reason);
    }
    auto templates = web::Templates::load(home / "src/web/templates");
    if (!templates)
        refuse_to_start("gabarits HTML introuvables : " + templates.error().detail);
    const std::filesystem::path dsfr = home / "node_modules/@gouvfr/dsfr/dist";
    if (!std::filesystem::exists(dsfr / "dsfr.min.css"))
        refuse_to_start("le système de design de l'État (DSFR) est absent de " + dsfr.string() +
                        " : lancez scripts/install_deps.sh");

    web::WebConfig web_config;
    web_config.version = NUMERIA_VERSION;
    web_config.base_url = config.base_url;
    web_config.hash_strength =
        config.fast_password_hashing ? identity::HashStrength::Minimum : identity::HashStrength::Interactive;
    web_config.trusted_proxies = config.trusted_proxies;
    web_config.sign_ups_per_address_hour = config.sign_ups_per_address_hour;
    web_config.site = read_site_file(config.site_file, config.site_file != DEFAULT_SITE_FILE);
    std::unique_ptr<Mailer> mailer;
    static const SystemClock mail_clock;
    if (config.smtp_url.empty())
        mailer = std::make_unique<mail::OutboxMailer>(config.outbox_dir, config.mail_from, mail_clock);
    else
        mailer = std::make_unique<mail::SmtpMailer>(config.smtp_url, config.mail_from, mail_clock);
    web_config.secret_key = read_secret_key(config.secret_file);
    web_config.metrics_token = config.metrics_token;
    storage::SqlTransactions transactions(*db);
    web::WebApp app(web_config, transactions, std::move(*templates));
    app.assets.mount("dsfr", dsfr, home / "node_modules/@gouvfr/dsfr/package.json");
    // Rule: docs/rules/web.md "DSFR bundle": the pages load only the DSFR parts they use, in one
    // style sheet and one script made here (their fonts and icons stay under the dsfr mount).
    auto bundle = web::build_dsfr_bundle(dsfr, web::dsfr_parts_of_the_pages(), app.assets.prefix("dsfr"));
    if (!bundle)
        refuse_to_start("une partie du système de design de l'État (DSFR) est absente : " + bundle.error().detail +
                        " : lancez scripts/install_deps.sh");
    app.assets.mount_generated("dsfr_pages",
                               {{"dsfr.css", std::move(bundle->css)}, {"dsfr.js", std::move(bundle->js)}});
    app.assets.mount("app", home / "src/web/static");
    app.assets.mount("contenu", home / "content/assets");
    app.content = std::make_shared<const content::Content>(std::move(loaded.content));
    web::register_routes(app.router);
    // Background work goes through the jobs table (docs/rules/jobs.md): e-mails (a refused or
    // unreachable SMTP server is retried with back-off; the request that wrote the mail has
    // answered) and student-base imports (docs/rules/student-import.md "Import jobs"); the jobs of a
    // process that died are taken again once their claim expires.
    static const SystemClock worker_clock;
    application::JobRunnerSettings job_settings;
    job_settings.claim = std::chrono::seconds(config.job_claim_seconds);
    application::JobRunner mail_runner(transactions, worker_clock, job_settings);
    mail_runner.handle(application::MAIL_JOB,
                       [&mailer](const application::Job& job) { return application::send_mail_job(*mailer, job); });
    application::JobRunner import_runner(transactions, worker_clock, job_settings);
    application::LearnerImportJob import_job(
        transactions, worker_clock,
        [&app](const organizations::Organization& importing, const organizations::ImportOutcome& outcome) {
            web::mail_account_links(app, importing, outcome);
        });
    import_runner.handle(
        application::LEARNER_IMPORT_JOB, [&import_job](const application::Job& job) { return import_job.run(job); },
        [&import_job](const application::Job& job, const std::string&) { import_job.give_up(job); });
    // Class credentials batches (docs/rules/accounts.md "Class credentials batches"): their own
    // runner, so a batch never waits behind a long import; passwords sealed under a key derived
    // from the secret file, so a restart keeps the batches downloadable.
    app.services.sealing = identity::SealingKey::derive(app.config.secret_key, "credbtch");
    application::JobRunner credentials_runner(transactions, worker_clock, job_settings);
    application::CredentialBatchJob credentials_job(app.services);
    credentials_runner.handle(
        application::CREDENTIAL_BATCH_JOB,
        [&credentials_job](const application::Job& job) { return credentials_job.run(job); },
        [&credentials_job](const application::Job& job, const std::string&) { credentials_job.give_up(job); });
    app.services.jobs_enqueued = [&mail_runner, &import_runner, &credentials_runner] {
        mail_runner.notify();
        import_runner.notify();
        credentials_runner.notify();
    };
    mail_runner.start();
    import_runner.start();
    credentials_runner.start();

    if (config.demo) {
        // Rule: docs/rules/jobs.md "Mail outbox": the folder named is the one this server writes to.
        const std::string mail_destination =
            config.smtp_url.empty()
                ? "le lien arrive en fichier .eml dans " + std::filesystem::absolute(config.outbox_dir).string()
                : "le lien part par le serveur de courrier configuré";
        for (const std::string& line : load_demo_data(*db, home, mail_destination))
            std::cout << line << "\n";
        std::cout.flush();
    }

    web::ServerOptions options;
    options.bind = config.bind;
    options.port = config.port;
    options.header_timeout = std::chrono::milliseconds(config.header_timeout_ms);
    options.shutdown_grace = std::chrono::milliseconds(config.shutdown_grace_ms);
    options.upload_dir = config.upload_dir;
    options.max_concurrent_uploads = config.max_concurrent_uploads;
    // Rule: docs/rules/security.md, "Password hashing": a request waiting for the hashing pool holds
    // an HTTP thread; the pool admits two per core (WebApp::hashing: one worker per core and as many
    // waiting), so as many threads again keep /healthz and the pages answering during a sign-up flood.
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    options.threads = config.threads != 0 ? config.threads : std::max(2U, cores) + 2 * cores;
    int code = web::run_server(app, options, [&](std::uint16_t port) {
        app.listening_url = "http://" + config.bind + ":" + std::to_string(port);
        spdlog::info(nlohmann::json{{"msg", "listening"},
                                    {"address", config.bind},
                                    {"port", port},
                                    {"database", storage::engine_name(db->engine())},
                                    {"version", NUMERIA_VERSION}}
                         .dump());
    });
    mail_runner.stop();
    import_runner.stop();
    credentials_runner.stop();
    db->close();
    spdlog::info(nlohmann::json{{"msg", "stopped"}}.dump());
    spdlog::shutdown();
    return code;
}

} // namespace

void add_server_commands(CLI::App& app) {
    auto config = std::make_shared<Config>();

    CLI::App* serve_command = app.add_subcommand("serve", "Serve the web application and the API over HTTP.");
    add_serve_options(*serve_command, *config);
    serve_command->callback([config] {
        int code = serve(*config);
        if (code != 0)
            throw CLI::RuntimeError(code);
    });

    CLI::App* routes_command =
        app.add_subcommand("routes", "Print the route table (method, pattern, who may call it) as JSON.");
    routes_command->callback([] {
        web::Router router;
        web::register_routes(router);
        nlohmann::json table = nlohmann::json::array();
        for (const web::Route& route : router.routes())
            table.push_back({{"method", web::method_name(route.method)},
                             {"pattern", route.pattern},
                             {"access", web::access_name(route.access)},
                             {"body_limit", route.body_limit}});
        std::cout << table.dump() << "\n";
    });

    auto print_schema = std::make_shared<bool>(false);
    CLI::App* migrate_command = app.add_subcommand("migrate", "Apply the database migrations and exit.");
    add_storage_options(*migrate_command, *config);
    migrate_command->add_flag("--print-schema", *print_schema, "print the tables and columns as JSON after migrating");
    migrate_command->callback([config, print_schema] {
        std::unique_ptr<storage::Database> db = open_and_migrate(*config);
        if (*print_schema) {
            std::cout << nlohmann::json(storage::describe_schema(*db)).dump() << "\n";
        } else {
            int version = 0;
            db->read([&version](soci::session& sql) {
                sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version);
            });
            std::cout << nlohmann::json{{"database", storage::engine_name(db->engine())}, {"version", version}}.dump()
                      << "\n";
        }
        db->close();
    });
}

} // namespace numeria::app
