// engine_test_support.hpp: where an adapter test parameterised by engine ("sqlite", "postgresql")
// runs: a fresh SQLite file in the temporary folder, or the PostgreSQL database named by
// NUMERIA_TEST_POSTGRES_URL (scripts/run_tests.sh sets it for a second run against its cluster).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace numeria::storage {

struct TestDatabase {
    std::string url;
    std::filesystem::path sqlite_file; // empty on PostgreSQL; the test removes it when done
};

// Nothing on PostgreSQL when NUMERIA_TEST_POSTGRES_URL is unset (the test then skips). `name` makes
// the SQLite file of one fixture distinct from another's.
inline std::optional<TestDatabase> test_database(const std::string& engine, const std::string& name) {
    if (engine == "postgresql") {
        const char* pg = std::getenv("NUMERIA_TEST_POSTGRES_URL");
        if (pg == nullptr || *pg == '\0')
            return std::nullopt;
        return TestDatabase{pg, {}};
    }
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("numeria-" + name + "-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(file);
    return TestDatabase{"sqlite:" + file.string(), file};
}

} // namespace numeria::storage
