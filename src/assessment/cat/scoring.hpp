// scoring.hpp: from the final capacity to the certified score and the competence levels
// (docs/rules/certification-engine.md "Certified score", "Competence levels"), and the abandonment
// rules.
#pragma once

#include "core/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace numeria::assessment::cat {

struct MeshStep {
    int weight;
    int coefficient;
};

// One row of a competence's level table: capacities in [min, max) give `level`.
struct LevelInterval {
    int level;
    double min;
    double max;
};

// Rule: docs/rules/certification-engine.md "Competence levels": a competence's table is a list of
// intervals read in order, the first that holds the capacity wins; calibrated tables can hold an
// empty interval (min above max, as in the national platform's older 1.2 table), which then never matches.
using LevelTable = std::vector<LevelInterval>;

struct ScoringConfig {
    // Capacity bounds of the global intervals: interval i is [bounds[i], bounds[i+1]).
    std::vector<double> bounds{-8.0, -1.4, -0.519, 0.6, 1.5, 2.25, 3.1, 4.0, 8.0};
    // Rule: docs/rules/certification-engine.md "Certified score": (weight, coefficient) per interval.
    std::vector<MeshStep> mesh{{64, 0}, {64, 1}, {128, 1}, {128, 2}, {128, 3}, {128, 4}, {128, 5}, {128, 6}};
    int max_score = 895; // 7 × 16 × 8 − 1
    // Per competence code, its level table.
    std::map<std::string, LevelTable> levels;
    int minimum_answers = 20;
};

// The table whose level i + 1 starts at starts[i] (ascending): level 0 below starts[0].
[[nodiscard]] LevelTable level_table_from_starts(const std::vector<double>& starts);

// The default configuration: the national platform's demonstration intervals, and for all 16
// competences the level starts −2, −1, 0.5, 1, 2, 3, 4 (docs/rules/certification-engine.md
// "Certified score", "Competence levels").
[[nodiscard]] ScoringConfig default_scoring();

// A configuration the functions below can use: bounds finite and strictly ascending, one more than
// the mesh steps, weights positive; every level table non-empty, levels 0..7, and giving a level to
// every capacity. Else an error whose reason is a "cat.scoring.*" key and whose detail says in French
// what is wrong.
[[nodiscard]] Status check_scoring(const ScoringConfig& config);

// Rule: docs/rules/certification-engine.md "Certified score": 0 at or below the first bound, the maximum at or above
// the last, else floor(weight × (coefficient + progression)) capped at the maximum, with progression = 1 − (max −
// capacity)/(max − min). `capacity` must be finite.
[[nodiscard]] int certified_score(double capacity, const ScoringConfig& config);

// Rule: docs/rules/certification-engine.md "Competence levels": the level of the first interval with
// min ≤ capacity < max, the lowest min and the highest max of the table being stretched to ∓∞.
// The table must give a level to every capacity (check_scoring).
[[nodiscard]] int competence_level(double capacity, const LevelTable& table);

// A capacity to which no interval of the table gives a level, if there is one.
[[nodiscard]] std::optional<double> level_table_gap(const LevelTable& table);

enum class AbortReason { None, Candidate, Technical };

enum class Outcome {
    Validated,        // complete, or stopped without reason
    Rejected,         // fewer answers than the minimum, with an abort reason
    CompletedAsWrong, // candidate left after the minimum: missing questions count as wrong
    ValidatedAsIs,    // technical stop after the minimum: scored on the answers given
};

// Rule: docs/rules/certification-engine.md "Abandonment and rejection".
[[nodiscard]] Outcome abandonment_outcome(int answers, int length, AbortReason reason, const ScoringConfig& config);

} // namespace numeria::assessment::cat
