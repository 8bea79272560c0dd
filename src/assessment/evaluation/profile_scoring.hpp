// profile_scoring.hpp: a learner's profile from their current knowledge: pix and level per
// competence, the total score and certificability (docs/rules/profile.md "Pix and levels",
// "Certificability"), the mastery of a parcours and the stage it reaches ("Mastery", "Stages").
// Pure functions over plain values: the caller turns its knowledge elements into ScoredKnowledge.
#pragma once

#include "content/model/content_model.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace numeria::assessment::evaluation {

inline constexpr int PIX_PER_LEVEL = 8;
inline constexpr int DEFAULT_MAX_LEVEL = 7;
inline constexpr int CERTIFIABLE_COMPETENCES = 5;
inline constexpr int CERTIFIABLE_LEVEL = 1;

// What the scoring reads from the configuration.
struct ProfileSettings {
    int max_level = DEFAULT_MAX_LEVEL; // the highest level a competence can reach, at least 1
};

// One current knowledge element (the latest of its skill, never a reset one), as scoring sees it.
struct ScoredKnowledge {
    std::string competence; // "1.1"
    std::string skill;      // "@motsCles2"
    bool validated = false;
    double earned_pix = 0; // the skill's pix value if validated, else 0; never negative
};

struct CompetenceScore {
    std::string code;    // "1.1"
    double real_pix = 0; // the sum of the earned pix, neither rounded nor capped
    int pix = 0;         // floor(real_pix), capped at max_level × 8
    int level = 0;       // floor(real_pix / 8), capped at max_level
    int pix_ahead = 0;   // pix earned in the current level: pix mod 8
    int pix_to_next = 0; // pix still needed for the next level; 0 at the maximum level
    bool at_max = false; // level == max_level
};

struct ProfileScore {
    std::vector<CompetenceScore> competences;
    int total_pix = 0;
    bool certifiable = false;
};

struct StageReached {
    int reached = 0;       // 1-based rank of the stage reached among the sorted stages; 0 without stages
    int total = 0;         // number of stages
    std::size_t stage = 0; // position in the given stages of the stage reached (when total > 0)
};

// The sum of the earned pix per competence code, for the competences that have knowledge.
[[nodiscard]] std::map<std::string, double> real_pix_by_competence(std::span<const ScoredKnowledge> knowledge);

// Rule: docs/rules/profile.md "Pix and levels": a competence's pix, level and progress from the
// exact sum of its earned pix. `real_pix` must be ≥ 0 and settings.max_level ≥ 1.
[[nodiscard]] CompetenceScore score_competence(std::string code, double real_pix, const ProfileSettings& settings);

// Rule: docs/rules/profile.md "Pix and levels": the sum of the capped pix.
[[nodiscard]] int total_pix(std::span<const CompetenceScore> competences);

// Rule: docs/rules/profile.md "Certificability": at least 5 competences at level 1 or more.
[[nodiscard]] bool is_certifiable(std::span<const CompetenceScore> competences);

// The competences that have knowledge, by code, with the total and certificability.
[[nodiscard]] ProfileScore score_profile(std::span<const ScoredKnowledge> knowledge, const ProfileSettings& settings);

// Rule: docs/rules/profile.md "The framework's competences": the 16 competences of the framework
// in its order (areas, then their competences), each scored, at level 0 when it has no knowledge.
// Knowledge of a competence outside the framework is ignored.
[[nodiscard]] ProfileScore score_framework(const content::Content& content, std::span<const ScoredKnowledge> knowledge,
                                           const ProfileSettings& settings);

// Rule: docs/rules/profile.md "Mastery": round(100 × validated / target_skills), 0 without target
// skills. Requires 0 ≤ validated ≤ target_skills.
[[nodiscard]] int mastery_percent(int validated, int target_skills);

// The number of distinct target skills the knowledge validates.
[[nodiscard]] int validated_target_skills(std::span<const ScoredKnowledge> knowledge,
                                          const std::set<std::string>& target_skills);

// Rule: docs/rules/profile.md "Stages": stages sorted by threshold; the first without any validated
// skill, else the last whose threshold the mastery reaches (the first when none does).
[[nodiscard]] StageReached reached_stage(std::span<const content::StageDefinition> stages, int mastery, int validated);

} // namespace numeria::assessment::evaluation
