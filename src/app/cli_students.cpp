// cli_students.cpp: `numeria students import --org UAI FILE [--format siecle|fregata|sup]
// [--mode add|replace] [--confirm]`: imports a student base like the Orga page does and prints one
// JSON object (application/learners/import_outcome_json.hpp); exits 1 when the file is refused or needs confirmation.
#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/storage_setup.hpp"
#include "application/learners/import_outcome_json.hpp"
#include "application/learners/imports.hpp"
#include "application/organizations/operator_commands.hpp"
#include "core/clock.hpp"
#include "organizations/domain/uai.hpp"
#include "storage/sql_unit_of_work.hpp"
#include "web/import_messages.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace numeria::app {

namespace {

struct ImportOptions {
    Config config;
    std::string uai;
    std::string file;
    std::string format;
    std::string mode; // "" when not given
    bool confirm = false;
};

bool is_sup(organizations::ImportFormat format) {
    return format == organizations::ImportFormat::SupAdd || format == organizations::ImportFormat::SupReplace;
}

// The format from --format (or the organisation's type), then --mode, which only SUP has
// (docs/rules/student-import.md "SUP CSV": two modes; every other format replaces the list).
organizations::ImportFormat chosen_format(const ImportOptions& options,
                                          const organizations::Organization& organization) {
    organizations::ImportFormat format = application::default_import_format(organization);
    if (!options.format.empty()) {
        auto parsed = organizations::parse_import_format(options.format);
        if (!parsed)
            refuse_to_start("format inconnu « " + options.format + " » : siecle, fregata ou sup");
        format = *parsed;
    }
    if (options.mode.empty())
        return format;
    if (options.mode != "add" && options.mode != "replace")
        refuse_to_start("mode inconnu « " + options.mode + " » : add (ajouter) ou replace (remplacer)");
    if (!is_sup(format))
        refuse_to_start("--mode ne s'applique qu'au format sup : un import " +
                        std::string(organizations::import_format_code(format)) +
                        " remplace toujours la liste (les élèves absents du fichier sont désactivés)");
    return options.mode == "add" ? organizations::ImportFormat::SupAdd : organizations::ImportFormat::SupReplace;
}

organizations::ImportOutcome run_import(const ImportOptions& options) {
    std::ifstream in(options.file, std::ios::binary);
    if (!in)
        refuse_to_start("fichier illisible : « " + options.file + " »");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::unique_ptr<storage::Database> db = open_and_migrate(options.config);
    storage::SqlTransactions transactions(*db);
    std::string uai = options.uai;
    for (char& c : uai)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::optional<organizations::Organization> organization =
        application::find_organization_by_uai(transactions, uai);
    if (!organization)
        refuse_to_start("aucune organisation n'a l'UAI « " + options.uai + " »");
    if (!organization->manages_students)
        refuse_to_start("l'organisation « " + organization->name + " » ne gère pas d'élèves");
    const organizations::ImportFormat format = chosen_format(options, *organization);
    const SystemClock clock;
    organizations::ImportOutcome outcome =
        application::import_now(transactions, clock, *organization, format, bytes.str(), options.confirm);
    db->close();
    return outcome;
}

void import_students(const ImportOptions& options) {
    organizations::ImportOutcome outcome;
    try {
        outcome = run_import(options);
    } catch (const CLI::Error&) {
        throw; // a refusal already explained on stderr (unknown organisation, format…)
    } catch (const std::exception& error) {
        // An unexpected failure (database locked or lost, full disk…): any transaction was rolled
        // back, and scripts still get the JSON object they read.
        std::cerr << "numeria: import interrompu : " << error.what() << "\n";
        outcome = application::failed_import_outcome();
    }
    std::cout << web::with_import_messages(application::import_outcome_json(outcome))
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    std::cout.flush();
    if (outcome.refused())
        throw CLI::RuntimeError(1);
}

} // namespace

void add_student_commands(CLI::App& app) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* students = app.add_subcommand("students", "Pupils and students of organisations.");
    students->require_subcommand(1);
    CLI::App* import_command = students->add_subcommand(
        "import", "Import a student base (SIECLE XML or ZIP, Fregata CSV, SUP CSV); prints one JSON object.");
    add_storage_options(*import_command, options->config);
    import_command->add_option("--org", options->uai, "the organisation's UAI")->required();
    import_command->add_option("file", options->file, "the file to import")->required();
    import_command->add_option("--format", options->format,
                               "siecle, fregata or sup (default: from the organisation type)");
    import_command->add_option("--mode", options->mode,
                               "SUP only: add or replace (default replace); refused for other formats");
    import_command->add_flag("--confirm", options->confirm,
                             "apply even if more than half of the active learners would be disabled");
    import_command->callback([options] { import_students(*options); });
}

} // namespace numeria::app
