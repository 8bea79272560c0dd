// storage_setup.hpp: opening and migrating the database for every command, with the one-line
// refusal of shared by `serve`, `migrate` and the administration commands.
#pragma once

#include "app/config.hpp"
#include "storage/database.hpp"

#include <memory>
#include <string>

namespace numeria::app {

// Prints "numeria: <line>" on stderr (one line, whatever the libraries said) and exits 1.
[[noreturn]] void refuse_to_start(std::string line);

// Opens the database of `config` and applies its migrations, or refuses to start.
[[nodiscard]] std::unique_ptr<storage::Database> open_and_migrate(const Config& config);

} // namespace numeria::app
