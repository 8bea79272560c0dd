// smart_random.hpp: the "smart random" positioning of the learner space (docs/rules/positioning.md):
// from the target skills, the challenges already answered and the knowledge elements of the
// assessment's scope, the skills worth asking next, the learner's predicted level, and the one
// challenge to ask, chosen deterministically from the assessment id. Pure: no clock, no I/O, no
// global state; the only randomness is the hash of the assessment id.
#pragma once

#include "assessment/evaluation/knowledge_elements.hpp"
#include "assessment/evaluation/positioning_targets.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace numeria::assessment::evaluation {

inline constexpr int MAX_LEVEL_TO_BE_AN_EASY_TUBE = 3;
inline constexpr int DEFAULT_LEVEL_FOR_FIRST_CHALLENGE = 2;
inline constexpr double MAX_DIFF_BETWEEN_USER_LEVEL_AND_SKILL_LEVEL = 2.0;
inline constexpr int LEVEL_COUNT = 15; // the predicted levels 0.5, 1.0, …, 7.5

// Rule: docs/rules/positioning.md "Predicted level": P(L, d) = 1 / (1 + e^−(L − d)).
[[nodiscard]] inline double success_probability(double level, int difficulty) {
    return 1.0 / (1.0 + std::exp(-(level - static_cast<double>(difficulty))));
}

// Rule: docs/rules/positioning.md "Choosing the challenge": the deterministic hash of the pick.
[[nodiscard]] std::uint64_t positioning_hash(std::int64_t value);

struct LastAnswer {
    std::string challenge_id;
};

struct SkillState {
    bool playable = false;  // at least one of its challenges is not answered yet
    bool timed = false;     // its first unanswered challenge has a timer
    bool assessed = false;  // it has a knowledge element in the current profile
    bool validated = false; // that element is validated
    bool direct = false;    // that element is direct
};

// What one call of the engine knows, per target challenge, skill and tube. Built once per call.
struct PositioningState {
    std::vector<std::uint8_t> answered;  // per target challenge
    std::vector<SkillState> skills;      // per target skill
    std::vector<std::uint8_t> easy_tube; // per target tube
    bool started = false;                // there is a last answer
    bool last_timed = false;             // the last answered challenge has a timer
};

[[nodiscard]] PositioningState positioning_state(const PositioningTargets& targets,
                                                 const std::vector<std::string>& answered_challenge_ids,
                                                 const std::vector<KnowledgeElement>& kes_in_scope,
                                                 const std::optional<LastAnswer>& last);

// Rule: docs/rules/positioning.md "Predicted level": the index of the first greatest score, as a level.
[[nodiscard]] double best_level(const std::array<double, LEVEL_COUNT>& scores);

// Rule: docs/rules/positioning.md "Predicted level": from the direct elements of the current profile.
[[nodiscard]] double predicted_level(const PositioningTargets& targets, const PositioningState& state);

// The same, from the knowledge elements of the assessment's scope (their current profile).
[[nodiscard]] double predicted_level(const PositioningTargets& targets,
                                     const std::vector<KnowledgeElement>& kes_in_scope);

// Rule: docs/rules/positioning.md "Reward": what asking `skill` is expected to settle in its tube.
[[nodiscard]] double reward(const PositioningTargets& targets, const PositioningState& state, int skill, double level);

struct Candidates {
    std::vector<int> skills;                                    // indexes into targets.skills(), target order
    double predicted_level = DEFAULT_LEVEL_FOR_FIRST_CHALLENGE; // the estimate the filters used
};

// Rule: docs/rules/positioning.md "First question", "Next questions": the skills that survive the filters.
[[nodiscard]] Candidates candidate_skills(const PositioningTargets& targets, const PositioningState& state);

struct NextChallenge {
    std::optional<std::string> challenge_id; // none: the positioning is over
    std::optional<std::string> skill;
    double predicted_level = DEFAULT_LEVEL_FOR_FIRST_CHALLENGE;
};

// Rule: docs/rules/positioning.md "Stop", "Choosing the challenge": the next challenge, or none.
[[nodiscard]] NextChallenge next_challenge(const PositioningTargets& targets,
                                           const std::vector<std::string>& answered_challenge_ids,
                                           const std::vector<KnowledgeElement>& kes_in_scope,
                                           const std::optional<LastAnswer>& last, std::int64_t assessment_id);

} // namespace numeria::assessment::evaluation
