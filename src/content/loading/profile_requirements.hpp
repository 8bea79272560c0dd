// profile_requirements.hpp: the target profiles (parcours) the bank must offer (issue 4 item 6):
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

// The profile requirements not met, in French, one sentence each.
[[nodiscard]] std::vector<std::string> unmet_profile_requirements(const Content& content);

} // namespace numeria::content
