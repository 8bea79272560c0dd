// import_issue.hpp: why an import file, or one pupil of it, is refused (shared/reference/
// pix-reference.md §3.1 "Per-pupil errors" and "File-level errors"), with the French sentence shown
// to the school's référent.
#pragma once

#include <string>
#include <vector>

namespace numeria::organizations {

struct ImportIssue {
    std::string code;     // INE_UNIQUE, UAI_MISMATCHED, … (stable, for scripts)
    std::string ine;      // the pupil's INE or identifier when known
    std::size_t line = 0; // line in the file when known
    std::string field;    // the column or element concerned, when known
    std::string message;  // French, for people
};

// An issue with its French message filled from the code (and the detail, when the message needs it).
[[nodiscard]] ImportIssue make_issue(const std::string& code, const std::string& ine = "", std::size_t line = 0,
                                     const std::string& field = "", const std::string& detail = "");

[[nodiscard]] std::string french_import_message(const std::string& code, const std::string& detail);

} // namespace numeria::organizations
