#include "app/storage_setup.hpp"

#include "storage/migrations.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace numeria::app {

// One clear line on stderr and a non-zero exit: the start-up failures of `numeria serve`.
void refuse_to_start(std::string line) {
    // Libraries' messages span several lines: keep one line, with single spaces.
    std::string flat;
    for (char c : line) {
        const bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (blank && (flat.empty() || flat.back() == ' '))
            continue;
        flat += blank ? ' ' : c;
    }
    while (!flat.empty() && flat.back() == ' ')
        flat.pop_back();
    std::fprintf(stderr, "numeria: %s\n", flat.c_str());
    std::fflush(stderr);
    throw CLI::RuntimeError(1);
}

std::unique_ptr<storage::Database> open_and_migrate(const Config& config) {
    auto opened = storage::Database::open(config.database, config.pool_size);
    if (!opened)
        refuse_to_start("impossible d'ouvrir la base de données « " + config.database +
                        " » : " + opened.error().detail);
    std::unique_ptr<storage::Database> db = std::move(*opened);
    auto migrated = storage::migrate(*db, home_path(config) / "src/storage/migrations");
    if (!migrated)
        refuse_to_start("impossible de migrer la base de données « " + config.database +
                        " » : " + migrated.error().detail);
    return db;
}

} // namespace numeria::app
