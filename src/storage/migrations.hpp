// migrations.hpp: versioned schema migrations. Each version has one DDL file per engine in
// src/storage/migrations/: NNNN_name.sqlite.sql and NNNN_name.pg.sql (identity columns and a few
// types differ; docs/adr/0004-storage.md). Applied in order, each in its own transaction, and recorded
// in schema_migrations. Run by `numeria migrate` and at every start of `numeria serve`.
#pragma once

#include "core/result.hpp"
#include "storage/database.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace numeria::storage {

struct MigrationReport {
    int current_version = 0;
    std::vector<std::string> applied; // names of the migrations applied by this run
};

// Applies every migration of `directory` not yet recorded. Fails with the file name and the
// database's message when a file is missing for this engine or a statement fails.
[[nodiscard]] Result<MigrationReport> migrate(Database& db, const std::filesystem::path& directory);

// Tables and their columns (names, sorted), read from the engine's catalogue: used by the test
// that checks both engines end with the same schema.
[[nodiscard]] std::map<std::string, std::vector<std::string>> describe_schema(Database& db);

} // namespace numeria::storage
