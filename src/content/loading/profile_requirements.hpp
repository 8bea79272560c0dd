// profile_requirements.hpp: the target profiles (parcours) the bank must offer
// (docs/rules/content.md "Required parcours"):
// the parcours de rentrée of every year, the 6e protection and attestation parcours, SOS
// certificabilité, and enough thematic and subject parcours.
#pragma once

#include "content/model/content_model.hpp"

#include <string>
#include <vector>

namespace numeria::content {

// The ids every bank must define, with the category each must have.
struct RequiredProfile {
    const char* id;
    const char* category;
};
[[nodiscard]] const std::vector<RequiredProfile>& required_profiles();

// Competences where validating every target skill of `profile` gives 8 pix or more (level 1).
[[nodiscard]] int competences_reachable_at_level_one(const Content& content, const TargetProfile& profile);

// The most target skills a learner may miss and still reach level 1 in 5 competences, whichever
// they are; -1 when even all of them are not enough.
[[nodiscard]] int failures_tolerated_for_certifiability(const Content& content, const TargetProfile& profile);

// The profile requirements not met, in French, one sentence each. A CERTIFICABILITE profile must
// let a learner reach level 1 in 5 competences, and its last stage must guarantee it.
[[nodiscard]] std::vector<std::string> unmet_profile_requirements(const Content& content);

} // namespace numeria::content
