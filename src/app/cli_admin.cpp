// cli_admin.cpp: `numeria admin create-superadmin --email E`: creates (or promotes) a national
// administrator and prints a one-time password for a new account, as one JSON object.
#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/storage_setup.hpp"
#include "application/organizations/operator_commands.hpp"
#include "core/clock.hpp"
#include "storage/sql_unit_of_work.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace numeria::app {

void add_admin_commands(CLI::App& app) {
    auto config = std::make_shared<Config>();
    auto email = std::make_shared<std::string>();
    CLI::App* admin = app.add_subcommand("admin", "National administration.");
    admin->require_subcommand(1);
    CLI::App* create = admin->add_subcommand(
        "create-superadmin", "Create a national administrator; prints a one-time password to change at first log-in.");
    add_storage_options(*create, *config);
    create->add_option("--email", *email, "e-mail address of the administrator")->required();
    create->callback([config, email] {
        std::unique_ptr<storage::Database> db = open_and_migrate(*config);
        const SystemClock clock;
        const identity::PasswordHasher hasher(identity::HashStrength::Interactive);
        storage::SqlTransactions transactions(*db);
        Result<identity::NationalAdminCreated> created =
            application::create_national_admin(transactions, clock, hasher, *email);
        db->close();
        if (!created) {
            std::cerr << "numeria: adresse e-mail invalide : « " << *email << " »\n";
            throw CLI::RuntimeError(1);
        }
        nlohmann::json out = {{"user_id", created->user_id}, {"email", *email}};
        out["one_time_password"] =
            created->one_time_password ? nlohmann::json(*created->one_time_password) : nlohmann::json(nullptr);
        std::cout << out.dump() << "\n";
    });
}

} // namespace numeria::app
