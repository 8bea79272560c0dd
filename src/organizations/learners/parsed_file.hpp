// parsed_file.hpp: what reading an import file gives: the learners to import, the pupils left
// aside (left the school, no INE, no class) and the errors that refuse the whole file.
#pragma once

#include "organizations/learners/import_issue.hpp"
#include "organizations/learners/learner.hpp"

#include <vector>

namespace numeria::organizations {

// Rule: docs/rules/student-import.md "Bounded errors": a file with an error on every row keeps
// the first 100 errors and the count of all, so memory and the stored outcome stay small.
constexpr std::size_t MAX_REPORTED_ERRORS = 100;

struct ParsedFile {
    std::vector<LearnerRecord> learners;
    int skipped = 0;                 // pupils the rules leave aside (never an error)
    std::vector<ImportIssue> errors; // the first MAX_REPORTED_ERRORS errors, in file order
    std::size_t error_count = 0;     // every error found; non-zero: the file is refused, nothing imported

    void add_error(ImportIssue issue) {
        ++error_count;
        if (errors.size() < MAX_REPORTED_ERRORS)
            errors.push_back(std::move(issue));
    }
    [[nodiscard]] bool refused() const { return error_count > 0; }
};

// A file-level refusal.
[[nodiscard]] inline ParsedFile refused_file(ImportIssue issue) {
    ParsedFile file;
    file.add_error(std::move(issue));
    return file;
}

} // namespace numeria::organizations
