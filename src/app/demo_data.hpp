// demo_data.hpp: the demo data of `make run` (`numeria serve --demo`), loaded once per database
// (the version loaded is kept in settings.demo_data_version) and the log-in lines to print.
#pragma once

#include "storage/database.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace numeria::app {

// Loads what the current version of the demo adds (reading data/ under `home`), and returns the
// lines to print for the user, the demo log-ins included.
// `mail_destination` says where the e-mails go (the outbox folder or the SMTP server), for the
// start-up message.
[[nodiscard]] std::vector<std::string> load_demo_data(storage::Database& db, const std::filesystem::path& home,
                                                      const std::string& mail_destination);

} // namespace numeria::app
