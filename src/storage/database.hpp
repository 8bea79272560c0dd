// database.hpp: the one door to SQL. Opens SQLite (default, one school) or PostgreSQL (many
// processes, one country) through SOCI, keeps a pool of sessions, and runs every unit of work in
// one transaction. Queries are ONE SQL text for both engines (docs/adr/0004-storage.md); only the DDL of
// migrations differs per engine. SOCI reports lost infrastructure by exceptions, which propagate
// to the single catch in web/ (docs/adr/0003-errors-as-values.md).
//
//     Database db = Database::open("sqlite:var/numeria.db").value();
//     db.write([](soci::session& sql) { sql << "INSERT INTO …"; });
#pragma once

#include "core/result.hpp"

#include <soci/soci.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace numeria::storage {

enum class Engine { Sqlite, Postgresql };

[[nodiscard]] const char* engine_name(Engine engine);

struct PoolStats {
    std::size_t size = 0;
    std::size_t in_use = 0;
    std::uint64_t leases = 0;
    std::uint64_t waits = 0; // leases that had to wait for a free session
};

class Database {
public:
    // `url` is "sqlite:PATH" or "postgresql://…" (libpq URI). Fails with a clear reason when the
    // URL is malformed or the database cannot be opened.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const std::string& url, std::size_t pool_size = 4);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] Engine engine() const { return m_engine; }

    // Runs `work` in a read transaction on a pooled session.
    void read(const std::function<void(soci::session&)>& work);
    // Runs `work` in a write transaction: committed when `work` returns, rolled back if it throws.
    // On SQLite, writers are serialised (BEGIN IMMEDIATE under one mutex): one writer at a time.
    void write(const std::function<void(soci::session&)>& work);
    // For certification answers: the commit reaches the disk before returning (SQLite synchronous=FULL).
    void write_durable(const std::function<void(soci::session&)>& work);

    [[nodiscard]] PoolStats pool_stats() const;
    // Closes every session; later calls are bugs.
    void close();

private:
    Database(Engine engine, std::size_t pool_size);
    class Lease;
    void run(bool writing, bool durable, const std::function<void(soci::session&)>& work);

    Engine m_engine;
    std::size_t m_pool_size;
    std::unique_ptr<soci::connection_pool> m_pool;
    std::mutex m_write_mutex;
    mutable std::mutex m_stats_mutex;
    PoolStats m_stats;
};

} // namespace numeria::storage
