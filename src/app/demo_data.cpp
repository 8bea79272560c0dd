#include "app/demo_data.hpp"

#include "core/clock.hpp"
#include "identity/domain/password_hasher.hpp"
#include "organizations/use_cases/import_learners.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "storage/identity/sql_national_admin_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/organizations/sql_learner_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "storage/organizations/sql_team_repositories.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace numeria::app {

namespace {

// Bump when the demo gains data; each version's step runs once per database.
constexpr int DEMO_DATA_VERSION = 4;

// Demo accounts: public passwords, for a demo on one's own machine only.
struct DemoAccount {
    const char* first_name;
    const char* last_name;
    const char* email;
    const char* password;
    const char* what;
};
constexpr DemoAccount DIRECTION{"Anne", "Proviseure", "direction@demo.numeria.localhost", "Direction2026",
                                "cheffe d'établissement, administratrice de l'espace Orga"};
constexpr DemoAccount TEACHER{"Paul", "Enseignant", "enseignant@demo.numeria.localhost", "Enseignant2026",
                              "enseignant, membre de l'espace Orga"};
constexpr DemoAccount ADMIN{"Nadia", "Nationale", "admin@demo.numeria.localhost", "AdminNationale2026",
                            "administratrice nationale"};

int loaded_version(soci::session& sql) {
    std::string value;
    soci::indicator indicator = soci::i_null;
    sql << "SELECT value FROM settings WHERE key = 'demo_data_version'", soci::into(value, indicator);
    return (sql.got_data() && indicator == soci::i_ok) ? std::stoi(value) : 0;
}

identity::UserId demo_user(storage::SqlUserRepository& users, const identity::PasswordHasher& hasher,
                           const DemoAccount& account, EpochMs now) {
    if (auto existing = users.find_by_email(account.email))
        return existing->id;
    identity::NewUser user;
    user.first_name = account.first_name;
    user.last_name = account.last_name;
    user.email = account.email;
    user.password_hash = hasher.hash(account.password).value();
    user.terms_accepted_at = now;
    user.created_at = now;
    return users.create(user).value();
}

void load_version_2(soci::session& sql, const std::filesystem::path& home, EpochMs now) {
    const SystemClock clock;
    std::ifstream in(home / "data/establishments-sample.csv", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (auto directory = organizations::read_establishment_directory(text.str())) {
        storage::SqlEstablishmentRepository establishments(sql);
        (void)organizations::import_establishments(*directory, establishments, clock);
    }
    const identity::PasswordHasher hasher(identity::HashStrength::Interactive);
    storage::SqlUserRepository users(sql);
    const identity::UserId direction = demo_user(users, hasher, DIRECTION, now);
    const identity::UserId teacher = demo_user(users, hasher, TEACHER, now);
    const identity::UserId admin = demo_user(users, hasher, ADMIN, now);
    storage::SqlNationalAdminRepository admins(sql);
    if (!admins.is_national_admin(admin))
        admins.add(admin, now);
    storage::SqlOrganizationRepository organizations(sql);
    organizations::OrganizationId school = 0;
    if (auto existing = organizations.find_by_uai("0759901A"))
        school = existing->id;
    else
        school = organizations::create_organization(
                     {organizations::OrganizationType::Sco, "Collège Jeanne-Barret", "0759901A"}, organizations, clock)
                     .value();
    storage::SqlMembershipRepository memberships(sql);
    memberships.put({school, direction, organizations::Role::Admin}, now);
    memberships.put({school, teacher, organizations::Role::Member}, now);
}

// Version 3: the 90 pupils of Collège Jeanne-Barret (classes 6A, 6B, 5A), from a synthetic SIECLE
// export made by tests/support/make_siecle.py, imported like a référent would.
void load_version_3(soci::session& sql, const std::filesystem::path& home, EpochMs now) {
    std::optional<organizations::Organization> school = storage::SqlOrganizationRepository(sql).find_by_uai("0759901A");
    std::ifstream in(home / "data/demo-eleves-0759901A.xml", std::ios::binary);
    if (!school || !in)
        return;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const organizations::ParsedFile file =
        organizations::validate_import_file(organizations::ImportFormat::Siecle, bytes.str(), "0759901A");
    storage::SqlLearnerRepository learners(sql);
    storage::SqlAuditLog audit(sql);
    (void)organizations::apply_import(file, organizations::ImportFormat::Siecle, *school, true, learners, audit, now);
}

// Version 4: a certificability for some of the 90 pupils (docs/rules/organizations.md "Students list":
// a value and its date, "Certifiable / Non certifiable / Non communiqué"), as a "collecte de profils" would
// give them, so the list's filter has something to tell apart. In INE order, of every 5 pupils two
// are certifiable, one is not and two are unknown; the dates are within the last 20 days. In 6A,
// 12 are certifiable, 6 are not and 12 are unknown.
void load_version_4(soci::session& sql, EpochMs now) {
    std::optional<organizations::Organization> school = storage::SqlOrganizationRepository(sql).find_by_uai("0759901A");
    if (!school)
        return;
    storage::SqlLearnerRepository learners(sql);
    std::vector<organizations::Learner> pupils = learners.list_all(school->id);
    std::sort(pupils.begin(), pupils.end(), [](const auto& a, const auto& b) { return a.record.key < b.record.key; });
    constexpr EpochMs DAY = 24LL * 3600 * 1000;
    for (std::size_t i = 0; i < pupils.size(); ++i) {
        if (i % 5 > 2)
            continue;
        learners.set_certificability(pupils[i].id, i % 5 < 2, now - static_cast<EpochMs>(i % 20 + 1) * DAY, now);
    }
}

} // namespace

std::vector<std::string> load_demo_data(storage::Database& db, const std::filesystem::path& home) {
    int loaded = 0;
    db.write([&](soci::session& sql) {
        loaded = loaded_version(sql);
        if (loaded >= DEMO_DATA_VERSION)
            return;
        const EpochMs now = SystemClock().now();
        if (loaded < 2)
            load_version_2(sql, home, now);
        if (loaded < 3)
            load_version_3(sql, home, now);
        if (loaded < 4)
            load_version_4(sql, now);
        const std::string version = std::to_string(DEMO_DATA_VERSION);
        const long long at = now;
        sql << "INSERT INTO settings (key, value, updated_at) VALUES ('demo_data_version', :v, :t) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            soci::use(version), soci::use(at);
    });
    std::vector<std::string> lines;
    lines.push_back(
        loaded >= DEMO_DATA_VERSION
            ? "Données de démonstration : déjà chargées (version " + std::to_string(loaded) + ")."
            : "Données de démonstration : chargées (version " + std::to_string(DEMO_DATA_VERSION) +
                  ") : annuaire de 20 établissements fictifs, Collège Jeanne-Barret (UAI 0759901A) et ses 90 élèves "
                  "(certificabilité connue pour 54 d'entre eux).");
    lines.push_back("Comptes de démonstration (adresse e-mail / mot de passe) :");
    for (const DemoAccount& account : {DIRECTION, TEACHER, ADMIN})
        lines.push_back("  " + std::string(account.email) + " / " + account.password + "  (" + account.what + ")");
    lines.push_back("Activation d'un autre établissement : /activation avec un UAI de data/establishments-sample.csv "
                    "(le lien arrive dans var/outbox).");
    return lines;
}

} // namespace numeria::app
