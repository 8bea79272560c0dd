// french_format.hpp: dates, times and names as French pages show them (docs/rules/web.md "French
// formatting").
#pragma once

#include "core/clock.hpp"
#include "organizations/domain/organization.hpp"

#include <string>

namespace numeria::web {

// dd/mm/yyyy HH:MM in Europe/Paris.
[[nodiscard]] std::string paris_time(EpochMs at);
// dd/mm/yyyy in Europe/Paris.
[[nodiscard]] std::string paris_date(EpochMs at);
// "2011-12-24" → "24/12/2011"; anything else is returned as is.
[[nodiscard]] std::string french_date(const std::string& iso_date);

// YYYYMMDD_HHmm in Europe/Paris, for the names of downloaded files.
[[nodiscard]] std::string paris_file_stamp(EpochMs at);

// "de" before an organisation's name, with the article its first word takes: "du Collège
// Jeanne-Barret", "de l'École …", "de la Cité scolaire …", "des Lycées …", "de Sciences Po".
[[nodiscard]] std::string of_name(const std::string& name);

// The kind of organisation in words ("collège ou lycée"), never its code ("SCO").
[[nodiscard]] std::string type_label(organizations::OrganizationType type);

} // namespace numeria::web
