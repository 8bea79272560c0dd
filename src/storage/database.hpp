// database.hpp: the one door to SQL. Opens SQLite (default, one school) or PostgreSQL (many
// processes, one country) through SOCI, keeps a pool of sessions, and runs every unit of work in
// one transaction. Queries are ONE SQL text for both engines (docs/adr/0004-storage.md); only the DDL of
// migrations differs per engine. SOCI reports lost infrastructure by exceptions, which propagate
// to the single catch in web/ (docs/adr/0003-errors-as-values.md).
//
//     auto db = Database::open("sqlite:var/numeria.db").value();
//     Result<int> n = db->transact<int>(TxMode::Write, [](soci::session& sql) -> Result<int> { … });
//
// `transact` is the unit of work's primitive (docs/adr/0008-application-layer.md): it commits when
// the work returns a value and rolls back when it returns an error or throws, so a refused use
// case leaves no write behind. A use case that must keep writes although it refuses (the log-in
// throttle counts a failure) returns a value that holds the refusal, and says so.
#pragma once

#include "core/result.hpp"

#include <soci/soci.h>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace numeria::storage {

enum class Engine { Sqlite, Postgresql };

// Read: a read transaction. Write: one writer at a time on SQLite (BEGIN IMMEDIATE).
// Durable: a write whose commit reaches the disk before it returns (SQLite synchronous=FULL).
// SingleRead: ONE read statement, without BEGIN/COMMIT (a statement is atomic by itself): the
// hot path's lookups (the caller of every signed-in request) save two round trips.
enum class TxMode { Read, Write, Durable, SingleRead };

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

    // Runs `work` in one transaction of `mode` on a pooled session: commits when it returns a
    // value, rolls back when it returns an error or throws. A PostgreSQL serialisation failure or
    // deadlock runs `work` again (at most 5 times, with a short random back-off); a unique-key
    // violation (SQLSTATE 23505, SQLite UNIQUE constraint) becomes Error AlreadyExists
    // "storage.unique_violation". Other SOCI errors propagate: lost infrastructure.
    [[nodiscard]] Status transact_status(TxMode mode, const std::function<Status(soci::session&)>& work);
    template <typename T>
    [[nodiscard]] Result<T> transact(TxMode mode, const std::function<Result<T>(soci::session&)>& work) {
        std::optional<Result<T>> outcome;
        Status status = transact_status(mode, [&](soci::session& sql) -> Status {
            outcome.emplace(work(sql));
            if (!outcome->has_value())
                return fail(outcome->error());
            return {};
        });
        if (!status)
            return fail(status.error());
        return std::move(*outcome);
    }

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
    Status run_once(TxMode mode, const std::function<Status(soci::session&)>& work);

    Engine m_engine;
    std::size_t m_pool_size;
    std::unique_ptr<soci::connection_pool> m_pool;
    std::mutex m_write_mutex;
    mutable std::mutex m_stats_mutex;
    PoolStats m_stats;
};

} // namespace numeria::storage
