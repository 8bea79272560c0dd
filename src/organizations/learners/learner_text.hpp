// learner_text.hpp: the text of every imported learner field is one line of clean UTF-8, and names
// are at most 100 characters (docs/rules/security.md "Text input"), whatever the file format.
#pragma once

#include "organizations/learners/parsed_file.hpp"

namespace numeria::organizations {

// Adds an error for every field of every learner of `file` that holds a control character, a line
// or paragraph separator, an invisible format character or malformed UTF-8, and for every name
// longer than 100 characters; the learners stay, but the file is then refused.
void check_learner_text(ParsedFile& file);

} // namespace numeria::organizations
