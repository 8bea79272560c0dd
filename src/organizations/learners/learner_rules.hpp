// learner_rules.hpp: the checks shared by every import format (docs/rules/student-import.md
// "SIECLE XML", "Fregata CSV", "SUP CSV"): dates, required names, birthplace.
#pragma once

#include <optional>
#include <string>

namespace numeria::organizations {

// "31/12/2010" → "2010-12-31"; nullopt when it is not a real calendar date in jj/mm/aaaa.
[[nodiscard]] std::optional<std::string> parse_french_date(const std::string& text);

// Trims spaces, tabs and line breaks at both ends.
[[nodiscard]] std::string trimmed(const std::string& text);

} // namespace numeria::organizations
