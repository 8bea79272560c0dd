// learner_import_json.hpp: the JSON form of an import outcome, the same for the CLI
// (`numeria students import`), the API and the Orga page's progress banner:
// {"status","imported","updated","disabled","skipped","errors":[{"code","ine","line","message"}],
// "notices":[same shape],"notice_count"}: notices tell about pupils imported anyway (at most 100).
#pragma once

#include "organizations/use_cases/import_learners.hpp"

#include <nlohmann/json.hpp>

namespace numeria::web {

[[nodiscard]] nlohmann::json import_outcome_json(const organizations::ImportOutcome& outcome);

// The outcome of an import stopped by an unexpected failure (lost database…): status IMPORT_ERROR,
// one INTERNAL_ERROR with a French message; its transaction was rolled back.
[[nodiscard]] organizations::ImportOutcome failed_import_outcome();

} // namespace numeria::web
