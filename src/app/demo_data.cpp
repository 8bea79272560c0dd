#include "app/demo_data.hpp"

#include "app/demo_pupils.hpp"
#include "application/learners/import_outcome_json.hpp"
#include "core/clock.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/domain/pupil_credentials.hpp"
#include "organizations/use_cases/import_learners.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "organizations/use_cases/pupil_credentials.hpp"
#include "storage/identity/sql_national_admin_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/organizations/sql_learner_import_repository.hpp"
#include "storage/organizations/sql_learner_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "storage/organizations/sql_team_repositories.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace numeria::app {

namespace {

// Bump when the demo gains data; each version's step runs once per database.
constexpr int DEMO_DATA_VERSION = 5;
// The class whose pupils have an account, and their temporary password (public, demo only).
constexpr const char* PUPILS_WITH_ACCOUNTS = "3A";
constexpr const char* PUPIL_PASSWORD = "Eleve3A-2026";

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

// Version 3: the 90 pupils of Collège Jeanne-Barret:
// classes 6A, 5A, 4A and 3A of the school year under way when the demo is first loaded, written as
// the SIECLE export a référent downloads (app/demo_pupils.cpp) and imported through the import's own
// code (validate, then apply), recorded in the school's import history like an upload by the head.
void load_version_3(soci::session& sql, EpochMs now) {
    std::optional<organizations::Organization> school = storage::SqlOrganizationRepository(sql).find_by_uai("0759901A");
    if (!school)
        return;
    const std::string bytes = demo_siecle_export(school_year_start(now));
    const organizations::ParsedFile file =
        organizations::validate_import_file(organizations::ImportFormat::Siecle, bytes, "0759901A");
    storage::SqlLearnerRepository learners(sql);
    storage::SqlAuditLog audit(sql);
    const organizations::ImportOutcome outcome =
        organizations::apply_import(file, organizations::ImportFormat::Siecle, *school, true, learners, audit, now);
    organizations::LearnerImport import;
    import.organization_id = school->id;
    import.format = organizations::import_format_code(organizations::ImportFormat::Siecle);
    import.file_name = "ElevesSansAdresses.xml";
    if (auto head = storage::SqlUserRepository(sql).find_by_email(DIRECTION.email))
        import.created_by = head->id;
    import.created_at = now;
    storage::SqlLearnerImportRepository imports(sql);
    const long long id = imports.create(import);
    imports.finish(id, outcome.status, application::import_outcome_json(outcome).dump(), false, now);
}

// Version 5: the pupils of 3A (the certification year) have an account, with a username and the
// temporary password PUPIL_PASSWORD, as the class credentials give them; a certificability is known
// only for pupils with an account (docs/rules/organizations.md "Students list": a "collecte de
// profils" needs one), so every other pupil is "Non communiqué". In INE order, of every 4 pupils of
// 3A two are certifiable, one is not and one is unknown; the dates are within the last 20 days.
// A demo loaded before version 5 loses the certificabilities it had given pupils without an account.
std::string load_version_5(soci::session& sql, EpochMs now) {
    std::optional<organizations::Organization> school = storage::SqlOrganizationRepository(sql).find_by_uai("0759901A");
    if (!school)
        return "";
    storage::SqlLearnerRepository learners(sql);
    std::vector<organizations::Learner> pupils = learners.list_all(school->id);
    std::sort(pupils.begin(), pupils.end(), [](const auto& a, const auto& b) { return a.record.key < b.record.key; });
    storage::SqlUserRepository users(sql);
    const identity::PasswordHasher hasher(identity::HashStrength::Interactive);
    const identity::TemporaryPassword temporary{PUPIL_PASSWORD, hasher.hash(PUPIL_PASSWORD).value()};
    constexpr EpochMs DAY = 24LL * 3600 * 1000;
    std::string first_username;
    std::size_t rank = 0;
    for (organizations::Learner& pupil : pupils) {
        if (pupil.record.division == PUPILS_WITH_ACCOUNTS && !pupil.disabled && !pupil.user_id) {
            auto issued = organizations::issue_credentials(pupil, users, temporary, now,
                                                           organizations::EmailAccounts::LeaveAlone);
            if (issued && issued->account_created) {
                learners.set_user(pupil.id, issued->user_id, now);
                pupil.user_id = issued->user_id;
                if (first_username.empty())
                    first_username = issued->username;
            }
        }
        if (!pupil.user_id) {
            if (pupil.certifiable)
                learners.set_certificability(pupil.id, std::nullopt, std::nullopt, now);
            continue;
        }
        const std::size_t i = rank++;
        if (i % 4 < 3)
            learners.set_certificability(pupil.id, i % 4 < 2, now - static_cast<EpochMs>(i % 20 + 1) * DAY, now);
    }
    return first_username;
}

} // namespace

std::vector<std::string> load_demo_data(storage::Database& db, const std::filesystem::path& home,
                                        const std::string& mail_destination) {
    int loaded = 0;
    std::string pupil_username;
    db.write([&](soci::session& sql) {
        loaded = loaded_version(sql);
        if (loaded >= DEMO_DATA_VERSION)
            return;
        const EpochMs now = SystemClock().now();
        if (loaded < 2)
            load_version_2(sql, home, now);
        if (loaded < 3)
            load_version_3(sql, now);
        if (loaded < 5)
            pupil_username = load_version_5(sql, now);
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
                  ") : annuaire de 20 établissements fictifs, Collège Jeanne-Barret (UAI 0759901A) et ses " +
                  std::to_string(DEMO_PUPILS) +
                  " élèves de la 6e à la 3e (les élèves de 3A ont un compte ; certificabilité connue "
                  "pour une partie d'entre eux).");
    lines.push_back("Comptes de démonstration (adresse e-mail / mot de passe) :");
    for (const DemoAccount& account : {DIRECTION, TEACHER, ADMIN})
        lines.push_back("  " + std::string(account.email) + " / " + account.password + "  (" + account.what + ")");
    if (!pupil_username.empty())
        lines.push_back("  " + pupil_username + " / " + PUPIL_PASSWORD +
                        "  (élève de 3A, mot de passe provisoire à changer à la première connexion ; "
                        "les autres élèves de 3A ont le même)");
    lines.push_back("Activation d'un autre établissement : /activation avec un UAI de data/establishments-sample.csv "
                    "(" +
                    mail_destination + ").");
    return lines;
}

} // namespace numeria::app
