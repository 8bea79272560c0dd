// cli_organizations.cpp: `numeria establishments import FILE.csv` (the national directory of
// schools), `numeria org create --type T --uai U --name N [--manages-students|--no-manages-students]`
// and `numeria org add-member --org ID|UAI --email E --role ADMIN|MEMBER [--first-name F --last-name L]`.
// Each prints one JSON object; a refusal is one French line on stderr and exit code 1.
#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/storage_setup.hpp"
#include "application/organizations/add_member.hpp"
#include "application/organizations/operator_commands.hpp"
#include "core/clock.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "storage/sql_unit_of_work.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>

namespace numeria::app {

namespace {

void import_directory(const Config& config, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        refuse_to_start("fichier illisible : « " + file + " »");
    std::ostringstream text;
    text << in.rdbuf();
    auto directory = organizations::read_establishment_directory(text.str());
    if (!directory) {
        std::string why = directory.error().reason == "directory.missing_column"
                              ? "colonne manquante « " + directory.error().detail + " »"
                              : "fichier CSV illisible (enregistrement " + directory.error().detail + ")";
        refuse_to_start("annuaire refusé : " + why);
    }
    std::unique_ptr<storage::Database> db = open_and_migrate(config);
    const SystemClock clock;
    storage::SqlTransactions transactions(*db);
    const organizations::DirectoryImported imported = application::import_directory(transactions, clock, *directory);
    db->close();
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& error : directory->errors)
        errors.push_back({{"line", error.line}, {"code", error.reason}, {"value", error.value}});
    std::cout << nlohmann::json{{"inserted", imported.inserted}, {"updated", imported.updated}, {"errors", errors}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
}

void create_organization(const Config& config, const std::string& type, const std::string& uai, const std::string& name,
                         bool nonstandard_uai, std::optional<bool> manages_students) {
    auto parsed = organizations::parse_type(type);
    if (!parsed)
        refuse_to_start("type d'organisation inconnu « " + type + " » : SCO, SCO-AGRI, SUP ou PRO");
    std::unique_ptr<storage::Database> db = open_and_migrate(config);
    const SystemClock clock;
    storage::SqlTransactions transactions(*db);
    const Result<organizations::OrganizationId> created =
        application::create_organization(transactions, clock, {*parsed, name, uai, nonstandard_uai, manages_students});
    db->close();
    if (!created) {
        const std::string& reason = created.error().reason;
        refuse_to_start(reason == "organization.uai_taken" ? "une organisation existe déjà avec l'UAI " + uai
                        : reason == "organization.name_required"
                            ? "le nom de l'organisation est obligatoire"
                            : "UAI invalide « " + uai + " » (7 chiffres et une lettre)");
    }
    std::cout << nlohmann::json{{"id", *created}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
}

std::string add_member_refusal(const std::string& reason, const application::AddMember& command) {
    if (reason == "organization.not_found")
        return "aucune organisation n'a l'identifiant ou l'UAI « " + command.organization + " »";
    if (reason == "organization.archived")
        return "l'organisation « " + command.organization + " » est archivée";
    if (reason == "user.email_invalid" || reason == "user.email_too_long")
        return "adresse e-mail invalide : « " + command.email + " »";
    if (reason == "user.first_name_required" || reason == "user.last_name_required")
        return "aucun compte n'a l'adresse « " + command.email +
               " » : --first-name et --last-name sont obligatoires pour le créer";
    if (reason == "membership.last_admin")
        return "c'est le dernier administrateur de l'organisation : il ne peut pas passer membre";
    const bool first = reason.rfind("user.first_name", 0) == 0;
    if (reason.size() > 9 && reason.compare(reason.size() - 9, 9, "_too_long") == 0)
        return std::string(first ? "le prénom" : "le nom") + " dépasse 100 caractères";
    if (reason.size() > 13 && reason.compare(reason.size() - 13, 13, "_not_one_line") == 0)
        return std::string(first ? "le prénom" : "le nom") + " doit tenir sur une ligne, sans caractère de contrôle";
    return "ajout refusé (" + reason + ")";
}

void add_member(const Config& config, application::AddMember command, const std::string& role) {
    std::string upper = role;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::optional<organizations::Role> parsed = organizations::parse_role(upper);
    if (!parsed)
        refuse_to_start("rôle inconnu « " + role + " » : ADMIN ou MEMBER");
    command.role = *parsed;
    std::unique_ptr<storage::Database> db = open_and_migrate(config);
    const SystemClock clock;
    const identity::PasswordHasher hasher(identity::HashStrength::Interactive);
    storage::SqlTransactions transactions(*db);
    const Result<application::MemberAdded> added = application::add_member(transactions, clock, hasher, command);
    db->close();
    if (!added)
        refuse_to_start(add_member_refusal(added.error().reason, command));
    nlohmann::json out = {{"user_id", added->user_id},
                          {"organization_id", added->organization_id},
                          {"role", organizations::role_code(*parsed)},
                          {"created", added->one_time_password.has_value()}};
    if (added->one_time_password)
        out["password"] = *added->one_time_password;
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

} // namespace

void add_organization_commands(CLI::App& app) {
    auto config = std::make_shared<Config>();
    auto file = std::make_shared<std::string>();
    CLI::App* establishments = app.add_subcommand("establishments", "The national directory of establishments.");
    establishments->require_subcommand(1);
    CLI::App* import_command = establishments->add_subcommand(
        "import", "Import the open-data directory of schools (';'-separated UTF-8 CSV); idempotent.");
    add_storage_options(*import_command, *config);
    import_command->add_option("file", *file, "the CSV file")->required();
    import_command->callback([config, file] { import_directory(*config, *file); });

    auto type = std::make_shared<std::string>();
    auto uai = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    CLI::App* org = app.add_subcommand("org", "Organisations (Orga spaces).");
    org->require_subcommand(1);
    CLI::App* create = org->add_subcommand("create", "Create an organisation; prints {\"id\":…}.");
    add_storage_options(*create, *config);
    create->add_option("--type", *type, "SCO, SCO-AGRI, SUP or PRO")->required();
    create->add_option("--uai", *uai, "the establishment's UAI (required for SCO and SCO-AGRI)");
    create->add_option("--name", *name, "the organisation's name")->required();
    auto nonstandard = std::make_shared<bool>(false);
    create->add_flag("--allow-nonstandard-uai", *nonstandard,
                     "accept an identifier that is not a real UAI (3–20 letters or digits), for test instances");
    auto manages = std::make_shared<bool>(false);
    CLI::Option* manages_flag =
        create->add_flag("--manages-students,!--no-manages-students", *manages,
                         "whether it imports its students (default: yes for SCO, SCO-AGRI and SUP, no for PRO)");
    create->callback([config, type, uai, name, nonstandard, manages, manages_flag] {
        create_organization(*config, *type, *uai, *name, *nonstandard,
                            manages_flag->count() > 0 ? std::optional<bool>(*manages) : std::nullopt);
    });

    auto member = std::make_shared<application::AddMember>();
    auto role = std::make_shared<std::string>();
    CLI::App* add = org->add_subcommand(
        "add-member", "Give an account a role in an organisation, creating the account if needed; prints one JSON "
                      "object (with a one-time password for a new account).");
    add_storage_options(*add, *config);
    add->add_option("--org", member->organization, "the organisation's id or UAI")->required();
    add->add_option("--email", member->email, "e-mail address of the account")->required();
    add->add_option("--role", *role, "ADMIN or MEMBER")->required();
    add->add_option("--first-name", member->first_name, "first name, required when no account has the e-mail");
    add->add_option("--last-name", member->last_name, "last name, required when no account has the e-mail");
    add->callback([config, member, role] { add_member(*config, *member, *role); });
}

} // namespace numeria::app
