#include "storage/migrations.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

namespace numeria::storage {

namespace {

struct MigrationFile {
    int version = 0;
    std::string name;
    std::filesystem::path path;
};

long long now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Result<std::vector<MigrationFile>> list_migrations(const std::filesystem::path& directory, Engine engine) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        return fail(Error::not_found("migrations.directory", "no migrations directory at " + directory.string()));
    const std::string suffix = engine == Engine::Sqlite ? ".sqlite.sql" : ".pg.sql";
    const std::regex pattern(R"(^(\d{4})_([a-z0-9_]+)\.(sqlite|pg)\.sql$)");
    std::map<int, MigrationFile> for_engine;
    std::map<int, int> files_per_version;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        std::string file = entry.path().filename().string();
        std::smatch match;
        if (!std::regex_match(file, match, pattern))
            continue;
        int version = std::stoi(match[1]);
        ++files_per_version[version];
        if (file.size() >= suffix.size() && file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0)
            for_engine[version] = MigrationFile{version, match[2], entry.path()};
    }
    std::vector<MigrationFile> result;
    for (const auto& [version, count] : files_per_version) {
        auto found = for_engine.find(version);
        if (found == for_engine.end() || count != 2)
            return fail(Error::invalid("migrations.missing_engine_file",
                                       "migration " + std::to_string(version) +
                                           " needs exactly one .sqlite.sql and one .pg.sql file"));
        result.push_back(found->second);
    }
    return result;
}

// Splits a DDL file into statements: a statement ends with ';' at the end of a line.
// Lines starting with "--" are comments.
std::vector<std::string> split_statements(const std::string& text) {
    std::vector<std::string> statements;
    std::istringstream lines(text);
    std::string line;
    std::string current;
    while (std::getline(lines, line)) {
        std::string trimmed = line;
        trimmed.erase(0, trimmed.find_first_not_of(" \t\r"));
        if (trimmed.rfind("--", 0) == 0 || trimmed.empty())
            continue;
        current += line + "\n";
        std::string end = trimmed;
        end.erase(end.find_last_not_of(" \t\r") + 1);
        if (!end.empty() && end.back() == ';') {
            current.erase(current.find_last_of(';'));
            statements.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos)
        statements.push_back(current);
    return statements;
}

// Rule: docs/rules/security.md "Migrations": several processes may start at once on one PostgreSQL
// database; each migration's transaction first takes this advisory lock (released at commit), so they
// apply one after the other and each sees what the previous one applied. On SQLite, BEGIN IMMEDIATE
// serialises writers already.
constexpr long long MIGRATION_LOCK_KEY = 0x6E756D6572696131; // "numeria1"

void lock_migrations(Engine engine, soci::session& sql) {
    if (engine != Engine::Postgresql)
        return;
    const long long key = MIGRATION_LOCK_KEY;
    int ignored = 0;
    sql << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(:k)) AS locked", soci::use(key), soci::into(ignored);
}

int applied_version(soci::session& sql) {
    int current = 0;
    soci::indicator null_marker = soci::i_ok;
    sql << "SELECT MAX(version) FROM schema_migrations", soci::into(current, null_marker);
    return null_marker == soci::i_null ? 0 : current;
}

} // namespace

Result<MigrationReport> migrate(Database& db, const std::filesystem::path& directory) {
    NUMERIA_TRY(std::vector<MigrationFile> files, list_migrations(directory, db.engine()));
    MigrationReport report;
    db.write([&db](soci::session& sql) {
        lock_migrations(db.engine(), sql);
        sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
               "applied_at BIGINT NOT NULL)";
    });
    int current = 0;
    db.read([&current](soci::session& sql) {
        soci::indicator null_marker = soci::i_ok;
        sql << "SELECT MAX(version) FROM schema_migrations", soci::into(current, null_marker);
        if (null_marker == soci::i_null)
            current = 0;
    });
    for (const MigrationFile& file : files) {
        if (file.version <= current)
            continue;
        std::ifstream in(file.path);
        std::stringstream text;
        text << in.rdbuf();
        const std::vector<std::string> statements = split_statements(text.str());
        bool applied_here = false;
        try {
            db.write([&](soci::session& sql) {
                lock_migrations(db.engine(), sql);
                applied_here = false;
                if (applied_version(sql) >= file.version)
                    return; // another process applied it while this one waited for the lock
                for (const std::string& statement : statements)
                    sql << statement;
                long long applied_at = now_ms();
                sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
                    soci::use(file.version), soci::use(file.name), soci::use(applied_at);
                applied_here = true;
            });
        } catch (const std::exception& error) {
            return fail(Error::invalid("migrations.failed", file.path.filename().string() + ": " + error.what()));
        }
        current = file.version;
        if (applied_here)
            report.applied.push_back(file.path.filename().string());
    }
    report.current_version = current;
    return report;
}

std::map<std::string, std::vector<std::string>> describe_schema(Database& db) {
    std::map<std::string, std::vector<std::string>> schema;
    db.read([&](soci::session& sql) {
        std::vector<std::string> tables(200);
        if (db.engine() == Engine::Sqlite) {
            sql << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                soci::into(tables);
            for (const std::string& table : tables) {
                std::vector<std::string> columns(500);
                sql << "SELECT name FROM pragma_table_info(:t)", soci::use(table), soci::into(columns);
                std::sort(columns.begin(), columns.end());
                schema[table] = columns;
            }
        } else {
            sql << "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                   "ORDER BY table_name",
                soci::into(tables);
            for (const std::string& table : tables) {
                std::vector<std::string> columns(500);
                sql << "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                       "AND table_name = :t",
                    soci::use(table), soci::into(columns);
                std::sort(columns.begin(), columns.end());
                schema[table] = columns;
            }
        }
    });
    return schema;
}

} // namespace numeria::storage
