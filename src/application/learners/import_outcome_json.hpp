// learner_import_json.hpp: the JSON form of an import outcome, the same for the CLI
// (`numeria students import`), the API and the Orga page's progress banner:
// {"status","imported","updated","disabled","skipped","error_count","errors":[{"code","ine","line","message"}],
// "notices":[same shape],"notice_count"}: "errors" holds at most the first 100 of the "error_count"
// errors; notices tell about pupils imported anyway (at most 100 of "notice_count").
#pragma once

#include "organizations/use_cases/import_learners.hpp"

#include <nlohmann/json.hpp>

namespace numeria::application {

[[nodiscard]] nlohmann::json import_outcome_json(const organizations::ImportOutcome& outcome);

// The outcome of an import stopped by an unexpected failure (lost database…): status IMPORT_ERROR,
// one INTERNAL_ERROR with a French message; its transaction was rolled back.
[[nodiscard]] organizations::ImportOutcome failed_import_outcome();

// The outcome of an import given up after MAX_IMPORT_ATTEMPTS interrupted attempts: IMPORT_ERROR,
// one IMPORT_RETRIES_EXHAUSTED ("L'import a échoué à plusieurs reprises…").
[[nodiscard]] organizations::ImportOutcome retries_exhausted_outcome();

} // namespace numeria::application
