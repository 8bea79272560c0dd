// knowledge_elements.cpp: direct and inferred knowledge elements, and the current profile
// (docs/rules/positioning.md "Knowledge elements", "Current profile").
#include "assessment/evaluation/knowledge_elements.hpp"

#include <string_view>
#include <unordered_map>

namespace numeria::assessment::evaluation {

namespace {

// Whether `candidate` replaces `current` as the latest element of a skill (both indexes into elements).
bool is_later(const std::vector<KnowledgeElement>& elements, int current, std::size_t candidate) {
    return current < 0 || elements[candidate].created_at >= elements[static_cast<std::size_t>(current)].created_at;
}

} // namespace

void latest_per_target_skill(const PositioningTargets& targets, const std::vector<KnowledgeElement>& elements,
                             std::vector<int>& latest) {
    latest.assign(targets.skills().size(), -1);
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const int skill = targets.skill_index(elements[i].skill);
        if (skill >= 0 && is_later(elements, latest[static_cast<std::size_t>(skill)], i)) {
            latest[static_cast<std::size_t>(skill)] = static_cast<int>(i);
        }
    }
    // Rule: docs/rules/positioning.md "Current profile": a skill whose latest element is a reset is
    // not assessed.
    for (int& index : latest) {
        if (index >= 0 && elements[static_cast<std::size_t>(index)].status == KeStatus::Reset) {
            index = -1;
        }
    }
}

std::vector<KnowledgeElement> current_profile(const std::vector<KnowledgeElement>& elements) {
    std::unordered_map<std::string_view, std::size_t> slot; // skill -> index into `order`
    std::vector<int> order;                                 // per skill, its latest element
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const auto [at, inserted] = slot.try_emplace(elements[i].skill, order.size());
        if (inserted) {
            order.push_back(static_cast<int>(i));
        } else if (is_later(elements, order[at->second], i)) {
            order[at->second] = static_cast<int>(i);
        }
    }
    std::vector<KnowledgeElement> profile;
    profile.reserve(order.size());
    for (const int index : order) {
        const KnowledgeElement& element = elements[static_cast<std::size_t>(index)];
        if (element.status != KeStatus::Reset) {
            profile.push_back(element);
        }
    }
    return profile;
}

std::vector<KnowledgeElement> knowledge_elements_for_answer(const PositioningTargets& targets,
                                                            const std::vector<KnowledgeElement>& already_in_scope,
                                                            const content::Challenge& answered, bool ok,
                                                            std::int64_t answer_id, EpochMs at) {
    std::vector<KnowledgeElement> produced;
    const int answered_skill = targets.skill_index(answered.skill);
    if (answered_skill < 0) {
        return produced;
    }
    std::vector<int> latest;
    latest_per_target_skill(targets, already_in_scope, latest);
    if (latest[static_cast<std::size_t>(answered_skill)] >= 0) {
        return produced;
    }
    const TargetSkill& skill = targets.skills()[static_cast<std::size_t>(answered_skill)];
    const TargetTube& tube = targets.tubes()[static_cast<std::size_t>(skill.tube)];
    const auto element = [&](const TargetSkill& of, bool validated, KeSource source) {
        return KnowledgeElement{of.name,         tube.name,
                                tube.competence, validated ? KeStatus::Validated : KeStatus::Invalidated,
                                source,          validated ? of.pix_value : 0.0,
                                answer_id,       at};
    };
    produced.push_back(element(skill, ok, KeSource::Direct));
    // Rule: docs/rules/positioning.md "Knowledge elements": inferred elements, same tube, not yet assessed.
    for (int other = tube.first_skill; other < tube.end_skill; ++other) {
        const TargetSkill& candidate = targets.skills()[static_cast<std::size_t>(other)];
        if (other == answered_skill || latest[static_cast<std::size_t>(other)] >= 0) {
            continue;
        }
        if (ok ? candidate.level < skill.level : candidate.level > skill.level) {
            produced.push_back(element(candidate, ok, KeSource::Inferred));
        }
    }
    return produced;
}

} // namespace numeria::assessment::evaluation
