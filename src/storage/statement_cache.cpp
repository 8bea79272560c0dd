#include "storage/statement_cache.hpp"

#include <map>
#include <mutex>
#include <utility>

namespace numeria::storage {

namespace {

std::mutex& registry_mutex() {
    static std::mutex mutex;
    return mutex;
}

std::map<std::pair<const soci::session*, StatementKey>, std::unique_ptr<CachedStatement>>& registry() {
    static std::map<std::pair<const soci::session*, StatementKey>, std::unique_ptr<CachedStatement>> entries;
    return entries;
}

} // namespace

namespace detail {

CachedStatement* find_statement(const soci::session& sql, StatementKey key) {
    std::lock_guard lock(registry_mutex());
    auto found = registry().find({&sql, key});
    return found == registry().end() ? nullptr : found->second.get();
}

CachedStatement& keep_statement(const soci::session& sql, StatementKey key, std::unique_ptr<CachedStatement> entry) {
    std::lock_guard lock(registry_mutex());
    auto& slot = registry()[{&sql, key}];
    slot = std::move(entry);
    return *slot;
}

} // namespace detail

void forget_statements(const soci::session& sql) {
    std::lock_guard lock(registry_mutex());
    auto& entries = registry();
    for (auto it = entries.begin(); it != entries.end();)
        it = it->first.first == &sql ? entries.erase(it) : std::next(it);
}

} // namespace numeria::storage
