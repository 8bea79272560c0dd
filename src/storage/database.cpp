#include "storage/database.hpp"

#include "core/assert.hpp"
#include "storage/statement_cache.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sodium.h>

#include <chrono>
#include <filesystem>
#include <string_view>
#include <thread>

namespace numeria::storage {

namespace {

constexpr std::string_view SQLITE_PREFIX = "sqlite:";

bool starts_with(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Rule: docs/adr/0004-storage.md: SQLite in WAL mode, foreign keys on, a busy timeout.
void configure_sqlite(soci::session& sql) {
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA synchronous=NORMAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA busy_timeout=5000";
}

// Rule: docs/adr/0004-storage.md: PostgreSQL sessions in UTC.
void configure_postgresql(soci::session& sql) {
    sql << "SET TIME ZONE 'UTC'";
    sql << "SET client_min_messages = warning";
}

enum class Failure { Other, Conflict, UniqueViolation };

// What a failed statement means for the transaction: PostgreSQL names it by SQLSTATE (40001
// serialisation failure, 40P01 deadlock, 23505 unique violation); SQLite by its message.
Failure classify(const soci::soci_error& error) {
    if (const auto* postgresql = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
        const std::string state = postgresql->sqlstate();
        if (state == "40001" || state == "40P01")
            return Failure::Conflict;
        if (state == "23505")
            return Failure::UniqueViolation;
        return Failure::Other;
    }
    if (std::string_view(error.what()).find("UNIQUE constraint failed") != std::string_view::npos)
        return Failure::UniqueViolation;
    return Failure::Other;
}

} // namespace

const char* engine_name(Engine engine) {
    return engine == Engine::Sqlite ? "sqlite" : "postgresql";
}

class Database::Lease {
public:
    explicit Lease(Database& db)
        : m_db(db) {
        std::size_t position = 0;
        bool waited = false;
        if (!m_db.m_pool->try_lease(position, 0)) {
            waited = true;
            position = m_db.m_pool->lease();
        }
        m_position = position;
        std::lock_guard lock(m_db.m_stats_mutex);
        ++m_db.m_stats.leases;
        ++m_db.m_stats.in_use;
        if (waited)
            ++m_db.m_stats.waits;
    }
    ~Lease() {
        {
            std::lock_guard lock(m_db.m_stats_mutex);
            --m_db.m_stats.in_use;
        }
        m_db.m_pool->give_back(m_position);
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    soci::session& session() { return m_db.m_pool->at(m_position); }

private:
    Database& m_db;
    std::size_t m_position = 0;
};

Database::Database(Engine engine, std::size_t pool_size)
    : m_engine(engine)
    , m_pool_size(pool_size)
    , m_pool(std::make_unique<soci::connection_pool>(pool_size)) {
    m_stats.size = pool_size;
}

Database::~Database() {
    close();
}

Result<std::unique_ptr<Database>> Database::open(const std::string& url, std::size_t pool_size) {
    if (pool_size == 0)
        pool_size = 1;
    Engine engine;
    std::string connect;
    if (starts_with(url, SQLITE_PREFIX)) {
        engine = Engine::Sqlite;
        std::string path = url.substr(SQLITE_PREFIX.size());
        if (path.empty())
            return fail(Error::invalid("database.url", "sqlite: needs a file path, e.g. sqlite:var/numeria.db"));
        std::filesystem::path parent = std::filesystem::path(path).parent_path();
        std::error_code ignored;
        if (!parent.empty())
            std::filesystem::create_directories(parent, ignored);
        connect = "db=\"" + path + "\" timeout=5";
    } else if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
        engine = Engine::Postgresql;
        connect = url;
    } else {
        return fail(
            Error::invalid("database.url", "unknown database URL '" + url + "': use sqlite:PATH or postgresql://…"));
    }

    std::unique_ptr<Database> db(new Database(engine, pool_size));
    try {
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& sql = db->m_pool->at(i);
            if (engine == Engine::Sqlite) {
                sql.open(soci::sqlite3, connect);
                configure_sqlite(sql);
            } else {
                sql.open(soci::postgresql, connect);
                configure_postgresql(sql);
            }
        }
    } catch (const std::exception& error) {
        return fail(Error{ErrorCode::Unavailable, "database.open", error.what()});
    }
    return db;
}

Status Database::run_once(TxMode mode, const std::function<Status(soci::session&)>& work) {
    NUMERIA_ASSERT(m_pool != nullptr, "database used after close()");
    const bool writing = mode != TxMode::Read && mode != TxMode::SingleRead;
    const bool durable = mode == TxMode::Durable && m_engine == Engine::Sqlite;
    std::unique_lock<std::mutex> writer;
    if (writing && m_engine == Engine::Sqlite)
        writer = std::unique_lock(m_write_mutex);
    Lease lease(*this);
    soci::session& sql = lease.session();
    if (durable)
        sql << "PRAGMA synchronous=FULL";
    if (mode == TxMode::SingleRead)
        return work(sql);
    // BEGIN IMMEDIATE takes the SQLite write lock at once, so a writer never fails on upgrade.
    sql << (writing && m_engine == Engine::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    auto rollback = [&sql] {
        try {
            sql << "ROLLBACK";
        } catch (...) {
            // The connection is gone; the original error says why.
        }
    };
    Status status;
    try {
        status = work(sql);
        if (status)
            sql << "COMMIT";
        else
            rollback();
    } catch (...) {
        rollback();
        if (durable)
            sql << "PRAGMA synchronous=NORMAL";
        throw;
    }
    if (durable)
        sql << "PRAGMA synchronous=NORMAL";
    return status;
}

Status Database::transact_status(TxMode mode, const std::function<Status(soci::session&)>& work) {
    constexpr int ATTEMPTS = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return run_once(mode, work);
        } catch (const soci::soci_error& error) {
            const Failure failure = classify(error);
            if (failure == Failure::UniqueViolation)
                return fail(Error{ErrorCode::AlreadyExists, "storage.unique_violation", error.what()});
            if (failure != Failure::Conflict || attempt == ATTEMPTS)
                throw;
            // Two transactions collided; the next try usually passes once the other commits.
            std::this_thread::sleep_for(std::chrono::milliseconds(randombytes_uniform(5U * attempt) + 1));
        }
    }
}

void Database::run(bool writing, bool durable, const std::function<void(soci::session&)>& work) {
    const TxMode mode = durable ? TxMode::Durable : writing ? TxMode::Write : TxMode::Read;
    (void)run_once(mode, [&work](soci::session& sql) -> Status {
        work(sql);
        return {};
    });
}

void Database::read(const std::function<void(soci::session&)>& work) {
    run(false, false, work);
}

void Database::write(const std::function<void(soci::session&)>& work) {
    run(true, false, work);
}

void Database::write_durable(const std::function<void(soci::session&)>& work) {
    run(true, true, work);
}

PoolStats Database::pool_stats() const {
    std::lock_guard lock(m_stats_mutex);
    return m_stats;
}

void Database::close() {
    if (!m_pool)
        return;
    for (std::size_t i = 0; i < m_pool_size; ++i) {
        std::size_t position = m_pool->lease();
        forget_statements(m_pool->at(position));
        m_pool->at(position).close();
        (void)position;
    }
    m_pool.reset();
}

} // namespace numeria::storage
