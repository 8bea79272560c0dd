// item_selection.hpp: which question comes next in an adaptive certification test
// (docs/rules/certification-engine.md "Item selection", "Exposure control"):
// maximum Fisher information at the current estimate, among the items the content rules leave:
//   - quota balance: only competences that still have items and have had the fewest questions so
//     far are eligible, so a 32-question test over 16 competences gives exactly 2 per competence
//     as long as each keeps 2 eligible items; a competence the exclusions leave short (e.g. no
//     accessible item) gets what it has and the quota moves on: the others fill the length;
//   - one question per tube (optional);
//   - no question from the competences of the last N answers (optional, dropped if it empties the pool);
//   - exclusions (`Exclusions`): items already answered elsewhere, every item of a skill excluded
//     after a validated incident, and, for a candidate who needs adaptations, every item that is
//     not accessible;
//   - exposure control (docs/adr/0006-cat-exposure-control.md): an optional cap on each item's
//     running exposure rate, an optional soft penalty on the criterion as that rate nears the cap,
//     and randomesque choice among the k best eligible items.
#pragma once

#include "assessment/cat/irt.hpp"

#include <cstdint>
#include <deque>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace numeria::assessment::cat {

struct SelectionRules {
    int length = 32;
    bool quota_balance = true;
    bool one_per_tube = true;
    int exclude_last_competences = 0;
    int randomesque = 1;          // choose uniformly among the k best (1 = deterministic)
    double max_exposure_rate = 0; // r; 0 = off; else an item shown in this share of the tests so far is skipped
    // With the cap on, the criterion of item j is I_j(θ̂) − κ·(rate_j / r)^p, rate_j = shown_j / tests
    // (docs/adr/0006): κ = exposure_penalty (0 = off), p = exposure_penalty_power.
    double exposure_penalty = 0;
    double exposure_penalty_power = 8;
};

// Rule: docs/rules/certification-engine.md "Exclusions" (candidate pool):
// the items a candidate may never be asked, whatever the other rules say.
struct Exclusions {
    std::vector<int> items;          // bank positions, e.g. already answered elsewhere
    std::vector<std::string> skills; // skills with a validated incident: all their items leave the pool
    bool needs_adaptations = false;  // then only items marked accessible are eligible
};

// The running state of one candidate's test.
class TestState {
public:
    TestState(const Bank& bank, const Exclusions& excluded = {});

    void record(int item);
    [[nodiscard]] bool usable(int item) const { return m_usable[static_cast<std::size_t>(item)] != 0; }
    [[nodiscard]] int asked() const { return static_cast<int>(m_asked.size()); }
    [[nodiscard]] const std::vector<int>& asked_items() const { return m_asked; }
    [[nodiscard]] int count(int competence) const { return m_count[static_cast<std::size_t>(competence)]; }
    [[nodiscard]] int available(int competence) const { return m_available[static_cast<std::size_t>(competence)]; }
    [[nodiscard]] bool tube_used(int tube) const { return m_tube_used[static_cast<std::size_t>(tube)] != 0; }
    [[nodiscard]] const std::deque<int>& recent_competences() const { return m_recent; }

private:
    void make_unusable(int item);

    const Bank* m_bank;
    std::vector<char> m_usable; // not answered and not excluded (the tube rule is applied apart)
    std::vector<char> m_tube_used;
    std::vector<int> m_count;     // questions asked per competence
    std::vector<int> m_available; // usable items per competence, tube rule included when on
    std::vector<int> m_asked;
    std::deque<int> m_recent;
    bool m_tube_rule_counted = false;
    friend class Selector;
};

// How often each item has been shown, for the exposure cap and penalty; owned by the caller.
struct ExposureCounts {
    std::vector<std::uint32_t> shown;
    std::uint32_t tests = 0;
};

class Selector {
public:
    Selector(const Bank& bank, SelectionRules rules);

    // Prepares a state for these rules (the tube rule changes what counts as available).
    [[nodiscard]] TestState start(const Exclusions& excluded = {}) const;
    // The next item, or nothing when the test is complete or no item is left.
    [[nodiscard]] std::optional<int> next(const TestState& state, double theta, std::mt19937_64& random,
                                          const ExposureCounts* exposure = nullptr) const;
    // Records an answered item in the state.
    void record(TestState& state, int item) const;
    [[nodiscard]] const SelectionRules& rules() const { return m_rules; }
    [[nodiscard]] const Bank& bank() const { return m_bank; }

private:
    std::optional<int> pick(const TestState& state, double theta, std::mt19937_64& random,
                            const ExposureCounts* exposure, bool with_recent_rule) const;
    [[nodiscard]] double penalty(double share_of_cap) const;

    const Bank& m_bank;
    SelectionRules m_rules;
    int m_integer_power = 0; // exposure_penalty_power when it is a small whole number, else 0
    // Per competence, its item positions by decreasing discrimination (then bank order): selection
    // scans the eligible competences' lists and stops each as soon as a²/4, the most information an
    // item can give, cannot beat the best found.
    std::vector<std::vector<int>> m_by_discrimination;
};

} // namespace numeria::assessment::cat
