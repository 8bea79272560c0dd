// test_runner.hpp: one candidate's test from start to end, combining the estimator and the
// selector: what `numeria cat replay` and `simulate` run, and what certification sessions will
// drive answer by answer. Answers come from a callback, so the same code serves simulees and people.
#pragma once

#include "assessment/cat/eap_estimator.hpp"
#include "assessment/cat/item_selection.hpp"

#include <functional>
#include <vector>

namespace numeria::assessment::cat {

struct TestRecord {
    std::vector<int> items;
    std::vector<bool> correct;
    double eap = 0.0;
    double sd = 0.0;
};

// Runs a test; `answer(item, question_index)` says whether the candidate answers it right.
[[nodiscard]] TestRecord run_test(const Selector& selector, const GridConfig& grid, std::mt19937_64& random,
                                  const std::function<bool(int item, int index)>& answer,
                                  const ExposureCounts* exposure = nullptr, const Exclusions& excluded = {});

// Rule: docs/rules/certification-engine.md "Abandonment and rejection": a candidate who left after the minimum number
// of answers gets each missing question counted as wrong, each on the most informative remaining item ("probability
// 100": no randomisation, no exposure control). `excluded` are the candidate's exclusions of
// run_test (items, incident skills, adaptations): the missing questions are drawn outside them too.
[[nodiscard]] TestRecord complete_as_wrong(const Bank& bank, const SelectionRules& rules, const GridConfig& grid,
                                           const TestRecord& answered, const Exclusions& excluded = {});

} // namespace numeria::assessment::cat
