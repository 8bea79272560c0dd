// positioning_targets.cpp: builds the indexes of the target skills of a positioning
// (docs/rules/positioning.md "Target skills").
#include "assessment/evaluation/positioning_targets.hpp"

#include <algorithm>
#include <climits>

namespace numeria::assessment::evaluation {

namespace {

int find_sorted(const std::vector<std::pair<std::string, int>>& sorted, std::string_view key) {
    const auto at = std::lower_bound(sorted.begin(), sorted.end(), key,
                                     [](const std::pair<std::string, int>& entry, std::string_view wanted) {
                                         return std::string_view(entry.first) < wanted;
                                     });
    return at != sorted.end() && at->first == key ? at->second : -1;
}

} // namespace

Result<PositioningTargets> PositioningTargets::for_target_profile(const content::Content& content,
                                                                  const content::TargetProfile& profile) {
    return build(content, profile.capped_tubes);
}

Result<PositioningTargets> PositioningTargets::for_competence(const content::Content& content,
                                                              std::string_view competence_code) {
    const auto competence = content.competences.find(std::string(competence_code));
    if (competence == content.competences.end()) {
        return fail(Error::not_found("positioning.unknown_competence", std::string(competence_code)));
    }
    Capped tubes;
    tubes.reserve(competence->second.tubes.size());
    for (const std::string& tube : competence->second.tubes) {
        tubes.emplace_back(tube, INT_MAX);
    }
    return build(content, tubes);
}

Result<PositioningTargets> PositioningTargets::build(const content::Content& content, const Capped& tubes) {
    PositioningTargets targets;
    for (const auto& capped : tubes) {
        const std::string& tube_name = capped.first;
        const int cap = capped.second;
        // Rule: docs/rules/positioning.md "Target skills": a tube named twice is targeted once, first cap.
        if (std::any_of(targets.m_tubes.begin(), targets.m_tubes.end(),
                        [&](const TargetTube& known) { return known.name == tube_name; })) {
            continue;
        }
        const auto tube = content.tubes.find(tube_name);
        if (tube == content.tubes.end()) {
            return fail(Error::not_found("positioning.unknown_tube", tube_name));
        }
        std::vector<const content::Skill*> kept;
        for (const content::Skill& skill : tube->second.skills) {
            if (skill.level <= cap) {
                kept.push_back(&skill);
            }
        }
        std::stable_sort(kept.begin(), kept.end(),
                         [](const content::Skill* a, const content::Skill* b) { return a->level < b->level; });
        const int tube_index = static_cast<int>(targets.m_tubes.size());
        TargetTube target_tube{tube_name, tube->second.competence, static_cast<int>(targets.m_skills.size()), 0};
        for (const content::Skill* skill : kept) {
            const int skill_index = static_cast<int>(targets.m_skills.size());
            TargetSkill target{skill->name,
                               skill->level,
                               skill->pix_value,
                               tube_index,
                               static_cast<int>(targets.m_challenges.size()),
                               0};
            for (const std::string& id : skill->challenge_ids) {
                const auto challenge = content.challenges.find(id);
                const bool timed = challenge != content.challenges.end() && challenge->second.timer_seconds.has_value();
                targets.m_challenges.push_back(TargetChallenge{id, timed, skill_index});
            }
            target.end_challenge = static_cast<int>(targets.m_challenges.size());
            targets.m_skills.push_back(std::move(target));
        }
        target_tube.end_skill = static_cast<int>(targets.m_skills.size());
        targets.m_tubes.push_back(std::move(target_tube));
    }
    for (std::size_t i = 0; i < targets.m_skills.size(); ++i) {
        targets.m_skill_by_name.emplace_back(targets.m_skills[i].name, static_cast<int>(i));
    }
    for (std::size_t i = 0; i < targets.m_challenges.size(); ++i) {
        targets.m_challenge_by_id.emplace_back(targets.m_challenges[i].id, static_cast<int>(i));
    }
    std::sort(targets.m_skill_by_name.begin(), targets.m_skill_by_name.end());
    std::sort(targets.m_challenge_by_id.begin(), targets.m_challenge_by_id.end());
    return targets;
}

int PositioningTargets::skill_index(std::string_view name) const {
    return find_sorted(m_skill_by_name, name);
}

int PositioningTargets::challenge_index(std::string_view id) const {
    return find_sorted(m_challenge_by_id, id);
}

} // namespace numeria::assessment::evaluation
