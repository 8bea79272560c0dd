// scoring.hpp: from the final capacity to the certified score and the competence levels
// (shared/reference/pix-reference.md §2.5; cat-reference.md §1.5), and the abandonment rules.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace numeria::assessment::cat {

struct MeshStep {
    int weight;
    int coefficient;
};

struct ScoringConfig {
    // Capacity bounds of the global intervals: interval i is [bounds[i], bounds[i+1]).
    std::vector<double> bounds{-8.0, -1.4, -0.519, 0.6, 1.5, 2.25, 3.1, 4.0, 8.0};
    // Rule: pix-reference.md §2.5 mesh table: (weight, coefficient) per interval.
    std::vector<MeshStep> mesh{{64, 0}, {64, 1}, {128, 1}, {128, 2}, {128, 3}, {128, 4}, {128, 5}, {128, 6}};
    int max_score = 895; // 7 × 16 × 8 − 1
    // Per competence code, the capacity at which each level 1..7 starts (ascending).
    std::map<std::string, std::vector<double>> level_starts;
    int minimum_answers = 20;
};

// The default configuration: the seeds' demo intervals, and for all 16 competences the level
// starts −2, −1, 0.5, 1, 2, 3, 4 (pix-reference.md §2.5 "Test example for 1.1").
[[nodiscard]] ScoringConfig default_scoring();

// Rule: pix-reference.md §2.5 point 4: 0 at or below the first bound, the maximum at or above the
// last, else floor(weight × (coefficient + progression)) capped at the maximum.
[[nodiscard]] int certified_score(double capacity, const ScoringConfig& config);

// Rule: pix-reference.md §2.5 point 5: the level of the interval holding the capacity, 0..7.
[[nodiscard]] int competence_level(double capacity, const std::vector<double>& level_starts);

enum class AbortReason { None, Candidate, Technical };

enum class Outcome {
    Validated,        // complete, or stopped without reason
    Rejected,         // fewer answers than the minimum, with an abort reason
    CompletedAsWrong, // candidate left after the minimum: missing questions count as wrong
    ValidatedAsIs,    // technical stop after the minimum: scored on the answers given
};

// Rule: pix-reference.md §2.5 points 2 and 3.
[[nodiscard]] Outcome abandonment_outcome(int answers, int length, AbortReason reason, const ScoringConfig& config);

} // namespace numeria::assessment::cat
