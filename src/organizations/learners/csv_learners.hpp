// csv_learners.hpp: the CSV import formats (docs/rules/student-import.md "Fregata CSV", "SUP CSV"): the SCO /
// agricultural ("Fregata") format keyed by the pupil's national identifier, and the higher-education
// ("SUP") format keyed by the student number. Separator ';', UTF-8 (a BOM is accepted).
#pragma once

#include "organizations/learners/parsed_file.hpp"

#include <string_view>

namespace numeria::organizations {

[[nodiscard]] ParsedFile parse_fregata_csv(std::string_view bytes);
[[nodiscard]] ParsedFile parse_sup_csv(std::string_view bytes);

} // namespace numeria::organizations
