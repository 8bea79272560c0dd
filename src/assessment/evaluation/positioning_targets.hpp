// positioning_targets.hpp: the target skills of a smart-random positioning (docs/rules/positioning.md
// "Target skills"), indexed once per target profile or competence and then shared by every call of
// the engine: skills grouped by tube in ascending level, their challenges, and sorted name indexes.
#pragma once

#include "content/model/content_model.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace numeria::assessment::evaluation {

struct TargetChallenge {
    std::string id;
    bool timed = false; // the challenge has a timer
    int skill = 0;      // index into PositioningTargets::skills()
};

struct TargetSkill {
    std::string name; // "@tubeN"
    int level = 1;    // the skill's difficulty, 1..8
    double pix_value = 0;
    int tube = 0;            // index into PositioningTargets::tubes()
    int first_challenge = 0; // the skill's challenges: [first_challenge, end_challenge) of challenges()
    int end_challenge = 0;
};

struct TargetTube {
    std::string name;       // "@tube"
    std::string competence; // "1.1"
    int first_skill = 0;    // the tube's target skills: [first_skill, end_skill) of skills(), level ascending
    int end_skill = 0;
};

// Immutable once built; holds copies of what it needs, so it outlives the content it came from.
class PositioningTargets {
public:
    // Rule: docs/rules/positioning.md "Target skills": a campaign targets, in each capped tube of its
    // target profile, the skills whose level is at most the cap. A tube unknown to the content is refused.
    [[nodiscard]] static Result<PositioningTargets> for_target_profile(const content::Content& content,
                                                                       const content::TargetProfile& profile);
    // Rule: docs/rules/positioning.md "Target skills": a competence evaluation targets every skill of
    // the competence's tubes.
    [[nodiscard]] static Result<PositioningTargets> for_competence(const content::Content& content,
                                                                   std::string_view competence_code);

    [[nodiscard]] const std::vector<TargetTube>& tubes() const { return m_tubes; }
    [[nodiscard]] const std::vector<TargetSkill>& skills() const { return m_skills; }
    [[nodiscard]] const std::vector<TargetChallenge>& challenges() const { return m_challenges; }

    // Index into skills() of a skill name, or -1 when the skill is not targeted. O(log n).
    [[nodiscard]] int skill_index(std::string_view name) const;
    // Index into challenges() of a challenge id, or -1 when it is not a challenge of a target skill.
    [[nodiscard]] int challenge_index(std::string_view id) const;

private:
    using Capped = std::vector<std::pair<std::string, int>>;
    [[nodiscard]] static Result<PositioningTargets> build(const content::Content& content, const Capped& tubes);

    std::vector<TargetTube> m_tubes;
    std::vector<TargetSkill> m_skills;
    std::vector<TargetChallenge> m_challenges;
    std::vector<std::pair<std::string, int>> m_skill_by_name;   // sorted by name
    std::vector<std::pair<std::string, int>> m_challenge_by_id; // sorted by id
};

} // namespace numeria::assessment::evaluation
