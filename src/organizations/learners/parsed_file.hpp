// parsed_file.hpp: what reading an import file gives: the learners to import, the pupils left
// aside (left the school, no INE, no class) and the errors that refuse the whole file.
#pragma once

#include "organizations/learners/import_issue.hpp"
#include "organizations/learners/learner.hpp"

#include <vector>

namespace numeria::organizations {

struct ParsedFile {
    std::vector<LearnerRecord> learners;
    int skipped = 0;                 // pupils the rules leave aside (never an error)
    std::vector<ImportIssue> errors; // non-empty: the file is refused, nothing is imported

    [[nodiscard]] bool refused() const { return !errors.empty(); }
};

// A file-level refusal.
[[nodiscard]] inline ParsedFile refused_file(ImportIssue issue) {
    ParsedFile file;
    file.errors.push_back(std::move(issue));
    return file;
}

} // namespace numeria::organizations
