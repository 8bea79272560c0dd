// main.cpp: the composition root of `numeria`. It only builds the command line; each command
// (src/app/cli_*.cpp) reads its configuration, opens storage and wires the use cases by hand.
#include "app/commands.hpp"

#include <CLI/CLI.hpp>
#include <sodium.h>

#include <cstdio>
#include <exception>

// NOLINTNEXTLINE(bugprone-exception-escape): only CLI11's set-up may still throw, on a programming error.
int main(int argc, char** argv) {
    CLI::App app{"Numeria : évaluer, développer et certifier les compétences numériques des élèves.\n"
                 "Numeria: assess, develop and certify the digital skills of school students."};
    app.set_version_flag("--version", NUMERIA_VERSION);
    app.require_subcommand(1);
    app.footer("Environment: NUMERIA_PORT, NUMERIA_BIND, NUMERIA_DATABASE, NUMERIA_BASE_URL, NUMERIA_SECRET_FILE,\n"
               "NUMERIA_SMTP_URL, NUMERIA_OUTBOX_DIR, NUMERIA_LOG_LEVEL, NUMERIA_HOME, NUMERIA_THREADS,\n"
               "NUMERIA_POOL_SIZE stand for the flags of the same name (see `numeria serve --help`).");
    if (sodium_init() < 0) {
        std::fputs("numeria: libsodium could not initialise\n", stderr);
        return 1;
    }

    // Registration of every subcommand family (one line each).
    numeria::app::add_server_commands(app);
    numeria::app::add_admin_commands(app);
    numeria::app::add_organization_commands(app);
    numeria::app::add_content_commands(app);
    numeria::app::add_student_commands(app);
    numeria::app::add_cat_commands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    } catch (const std::exception& error) {
        // What no command caught (e.g. a database lost mid-command): one line and a failure.
        std::fprintf(stderr, "numeria: %s\n", error.what());
        return 1;
    }
    return 0;
}
