// learner_identity.hpp: whether two learner records name the same person, for account inheritance
// between schools (docs/rules/student-import.md "Account inheritance"). Unicode work is done by ICU.
#pragma once

#include "organizations/learners/learner.hpp"

#include <string>
#include <string_view>

namespace numeria::organizations {

// A name as compared: accents removed, Latin letters spelled in ASCII ("œ" → "oe", "ß" → "ss"),
// lower case, and only letters and digits kept (spaces, hyphens, apostrophes and dots dropped).
// "Le Goff", "LE-GOFF" and "Legoff" all give "legoff"; other scripts keep their letters.
[[nodiscard]] std::string folded_name(std::string_view name);

// Same last name (birth name), same first name (folded_name) and same birth date. A name that folds
// to nothing never matches.
[[nodiscard]] bool same_identity(const LearnerRecord& a, const LearnerRecord& b);

} // namespace numeria::organizations
