// commands.hpp: the subcommands of the `numeria` program. Each add_*_commands function lives in
// its own src/app/cli_*.cpp file and registers one family of subcommands on the CLI11 app; main.cpp
// calls them all. A command prints its result on stdout and returns its exit code through
// CLI11's callbacks (throwing CLI::RuntimeError(code) for a non-zero exit).
#pragma once

#include <CLI/CLI.hpp>

namespace numeria::app {

void add_server_commands(CLI::App& app);       // serve, migrate (cli_server.cpp)
void add_admin_commands(CLI::App& app);        // admin create-superadmin (cli_admin.cpp)
void add_content_commands(CLI::App& app);      // content check (cli_content.cpp)
void add_organization_commands(CLI::App& app); // establishments import, org create (cli_organizations.cpp)
void add_student_commands(CLI::App& app);      // students import (cli_students.cpp)
void add_cat_commands(CLI::App& app);          // cat estimate|replay|simulate|score|make-bank (cli_cat.cpp)

} // namespace numeria::app
