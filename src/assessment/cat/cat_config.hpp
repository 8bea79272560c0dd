// cat_config.hpp: the adaptive certification configuration file (content/certification/
// cat-production.yaml; docs/rules/certification-engine.md "Test length"): the selection rules, the EAP grid and the
// scoring, read strictly (an unknown key, a value of the wrong type or out of range is an error with its line) and
// checked as a whole (check_grid, check_scoring). The caller reads the file; this is pure.
#pragma once

#include "assessment/cat/eap_estimator.hpp"
#include "assessment/cat/item_selection.hpp"
#include "assessment/cat/scoring.hpp"
#include "core/result.hpp"

#include <string>

namespace numeria::assessment::cat {

struct CatConfig {
    SelectionRules rules;
    GridConfig grid;
    ScoringConfig scoring = default_scoring();
};

// `text` is the YAML; `file` names it in the messages. The error's reason is "cat.config.invalid" and
// its detail lists the problems, one per line, as "file:line : reason" in French.
[[nodiscard]] Result<CatConfig> parse_cat_config(const std::string& text, const std::string& file);

} // namespace numeria::assessment::cat
