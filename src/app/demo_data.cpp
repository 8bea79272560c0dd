#include "app/demo_data.hpp"

#include <chrono>

namespace numeria::app {

namespace {

// Bump when the demo gains data; each step below runs once per database.
constexpr int DEMO_DATA_VERSION = 1;

} // namespace

std::vector<std::string> load_demo_data(storage::Database& db) {
    int loaded = 0;
    db.write([&loaded](soci::session& sql) {
        std::string value;
        soci::indicator indicator = soci::i_null;
        sql << "SELECT value FROM settings WHERE key = 'demo_data_version'", soci::into(value, indicator);
        loaded = (sql.got_data() && indicator == soci::i_ok) ? std::stoi(value) : 0;
        if (loaded >= DEMO_DATA_VERSION)
            return;
        const long long now =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        const std::string version = std::to_string(DEMO_DATA_VERSION);
        sql << "INSERT INTO settings (key, value, updated_at) VALUES ('demo_data_version', :v, :t) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            soci::use(version), soci::use(now);
    });
    std::vector<std::string> lines;
    lines.push_back(loaded >= DEMO_DATA_VERSION
                        ? "Données de démonstration : déjà chargées (version " + std::to_string(loaded) + ")."
                        : "Données de démonstration : chargées (version " + std::to_string(DEMO_DATA_VERSION) + ").");
    lines.push_back("Comptes de démonstration : aucun pour l'instant (les comptes arrivent avec l'espace Orga).");
    return lines;
}

} // namespace numeria::app
