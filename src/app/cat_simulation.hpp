// cat_simulation.hpp: `numeria cat simulate`: draws candidates θ ~ N(0, 1), runs their tests with a
// configuration and reports precision (RMSE, bias, posterior SD, correlation), exposure, the van
// Trees bound of the tests given and of two oracles that pick items knowing the true θ (one under
// the same rules, exposure control included, one without exposure control), and the time per
// selection and per estimate update (docs/rules/certification-engine.md "Command line"; docs/adr/0006).
#pragma once

#include "assessment/cat/eap_estimator.hpp"
#include "assessment/cat/item_selection.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace numeria::app {

struct SimulationSettings {
    int simulees = 2000;
    std::uint64_t seed = 1;
};

[[nodiscard]] nlohmann::json simulate_tests(const assessment::cat::Bank& bank,
                                            const assessment::cat::SelectionRules& rules,
                                            const assessment::cat::GridConfig& grid,
                                            const SimulationSettings& settings);

} // namespace numeria::app
