// knowledge_elements.hpp: what an answer teaches about a learner's skills
// (docs/rules/positioning.md "Knowledge elements"): the direct element on the answered skill, the
// inferred ones on the other skills of its tube, and the current profile.
#pragma once

#include "assessment/evaluation/positioning_targets.hpp"
#include "content/model/content_model.hpp"
#include "core/clock.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace numeria::assessment::evaluation {

enum class KeStatus { Validated, Invalidated, Reset };
enum class KeSource { Direct, Inferred };

struct KnowledgeElement {
    std::string skill;      // "@tubeN"
    std::string tube;       // "@tube"
    std::string competence; // "1.1"
    KeStatus status = KeStatus::Invalidated;
    KeSource source = KeSource::Direct;
    double earned_pix = 0;      // the skill's pix value when validated, else 0
    std::int64_t answer_id = 0; // the answer that produced it
    EpochMs created_at = 0;
};

// Rule: docs/rules/positioning.md "Knowledge elements": a direct element on the answered skill when it
// is a target skill not assessed yet in the scope, then inferred ones on the not-yet-assessed target
// skills of the same tube: easier ones validated after a right answer, harder ones invalidated after
// any other answer. Returns nothing when the answered skill is not targeted or already assessed.
// Order: the direct element, then the inferred ones by ascending level.
[[nodiscard]] std::vector<KnowledgeElement>
knowledge_elements_for_answer(const PositioningTargets& targets, const std::vector<KnowledgeElement>& already_in_scope,
                              const content::Challenge& answered, bool ok, std::int64_t answer_id, EpochMs at);

// Rule: docs/rules/positioning.md "Current profile": the latest element of each skill (greatest
// created_at; on equal times, the later in the list), without the skills whose latest one is a reset.
// Order: by first appearance of the skill in `elements`.
[[nodiscard]] std::vector<KnowledgeElement> current_profile(const std::vector<KnowledgeElement>& elements);

// The latest non-reset element of each target skill, as an index into `elements` (or -1): the
// current profile restricted to the target skills, without copying. `latest` is resized to the
// number of target skills.
void latest_per_target_skill(const PositioningTargets& targets, const std::vector<KnowledgeElement>& elements,
                             std::vector<int>& latest);

} // namespace numeria::assessment::evaluation
