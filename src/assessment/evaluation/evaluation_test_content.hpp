// evaluation_test_content.hpp: in-memory learning content for the tests of the positioning engine
// (no files): tubes of chosen levels, each skill with a few challenges, some of them timed.
#pragma once

#include "assessment/evaluation/positioning_targets.hpp"
#include "content/model/content_model.hpp"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace numeria::assessment::evaluation::testing {

struct TubeSpec {
    TubeSpec() = default;
    TubeSpec(std::string tube, std::vector<int> tube_levels, int per_skill = 1, std::set<int> timed = {},
             std::string competence_code = "1.1")
        : name(std::move(tube))
        , levels(std::move(tube_levels))
        , challenges_per_skill(per_skill)
        , timed_levels(std::move(timed))
        , competence(std::move(competence_code)) {}

    std::string name; // "@web"
    std::vector<int> levels;
    int challenges_per_skill = 1;
    std::set<int> timed_levels; // every challenge of these levels has a timer
    std::string competence = "1.1";
};

// Skills "@webN" worth N / 2 pix; challenges "@webN#k", k from 0.
inline content::Content make_content(const std::vector<TubeSpec>& specs) {
    content::Content content;
    for (const TubeSpec& spec : specs) {
        content::Tube tube;
        tube.name = spec.name;
        tube.competence = spec.competence;
        for (const int level : spec.levels) {
            content::Skill skill;
            skill.name = spec.name + std::to_string(level);
            skill.level = level;
            skill.pix_value = level / 2.0;
            for (int k = 0; k < spec.challenges_per_skill; ++k) {
                content::Challenge challenge;
                challenge.id = skill.name + "#" + std::to_string(k);
                challenge.skill = skill.name;
                if (spec.timed_levels.count(level) != 0) {
                    challenge.timer_seconds = 60;
                }
                skill.challenge_ids.push_back(challenge.id);
                content.challenges.emplace(challenge.id, std::move(challenge));
            }
            tube.skills.push_back(std::move(skill));
        }
        content.competences[spec.competence].code = spec.competence;
        content.competences[spec.competence].tubes.push_back(spec.name);
        content.tubes.emplace(spec.name, std::move(tube));
    }
    return content;
}

// Every skill of every tube, in the order of `specs`.
inline PositioningTargets all_targets(const content::Content& content, const std::vector<TubeSpec>& specs) {
    content::TargetProfile profile;
    for (const TubeSpec& spec : specs) {
        profile.capped_tubes.emplace_back(spec.name, 8);
    }
    return *PositioningTargets::for_target_profile(content, profile);
}

} // namespace numeria::assessment::evaluation::testing
