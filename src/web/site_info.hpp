// site_info.hpp: who publishes and hosts this server, for the legal pages (docs/rules/web.md "Legal
// pages"). The operator writes it in the site file (config/site.example.yaml), read at start by
// app/site_file.cpp; an empty value is shown as a visible placeholder, never as an empty line.
#pragma once

#include <string>

namespace numeria::web {

struct SiteInfo {
    std::string publisher_name;       // the school or académie that runs this server
    std::string publisher_address;    // its postal address
    std::string publication_director; // "directeur ou directrice de la publication"
    std::string host_name;            // the host (hébergeur)
    std::string host_address;
    std::string host_phone;
    std::string accessibility_email; // where users report an accessibility barrier
    std::string personal_data_email; // where users exercise their data-protection rights
    std::string dpo_name;            // the data protection officer (délégué à la protection des données)
    std::string dpo_email;
    std::string accessibility_statement_date; // when the accessibility statement was made, e.g. "8 décembre 2026"
    std::string data_retention;               // the controller's retention periods, in French
};

} // namespace numeria::web
