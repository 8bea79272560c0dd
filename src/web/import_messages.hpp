// import_messages.hpp: the French sentence of each student-import issue (docs/rules/student-import.md
// "Error messages"), written from the issue's code, reason and quoted values, and the French names
// of the import formats.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace numeria::web {

// The sentence for one issue as application::import_outcome_json writes it ({"code", "reason"?,
// "ine"?, "line"?, "field"?, "value"?}).
[[nodiscard]] std::string french_import_message(const nlohmann::json& issue);

// The French name of an import's format code ("siecle" → "Fichier SIECLE (XML)"), as the history
// shows it; never the raw code, even for a code this version does not know.
[[nodiscard]] std::string french_import_format(const std::string& code);

// `outcome` with a "message" on each of its errors and notices. An issue stored with its sentence
// already (imports recorded before the sentences left the domain) keeps it.
[[nodiscard]] nlohmann::json with_import_messages(nlohmann::json outcome);

} // namespace numeria::web
