// statement_cache.hpp: prepared statements kept per pooled session, for the queries of the hot
// path (StatementKey below): preparing a four-join SELECT costs more
// than running it. An entry owns its statement and the variables it is bound to; it is used only
// by the thread that holds the session's lease, and is destroyed when Database closes the session.
#pragma once

#include <soci/soci.h>

#include <memory>

namespace numeria::storage {

class CachedStatement {
public:
    virtual ~CachedStatement() = default;
};

// One per hot query: the caller's lookup (every signed-in request). A cached query must read its
// rows to the end: a statement left on a row keeps SQLite's read open past COMMIT.
enum class StatementKey { Viewer };

// The entry of (session, key), made by `make()` the first time.
template <typename Entry, typename Make>
Entry& cached_statement(soci::session& sql, StatementKey key, Make make);

namespace detail {
CachedStatement* find_statement(const soci::session& sql, StatementKey key);
CachedStatement& keep_statement(const soci::session& sql, StatementKey key, std::unique_ptr<CachedStatement> entry);
} // namespace detail

// Drops every entry of the session (before it closes).
void forget_statements(const soci::session& sql);

template <typename Entry, typename Make>
Entry& cached_statement(soci::session& sql, StatementKey key, Make make) {
    if (CachedStatement* found = detail::find_statement(sql, key))
        return static_cast<Entry&>(*found);
    return static_cast<Entry&>(detail::keep_statement(sql, key, make()));
}

} // namespace numeria::storage
