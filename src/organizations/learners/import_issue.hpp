// import_issue.hpp: why an import file, or one pupil of it, is refused (docs/rules/student-import.md
// "Error messages"), as data: a code, the sub-reason when the code has several, and the values the
// message quotes. The French sentence is written by the web layer (web/import_messages.cpp).
#pragma once

#include <string>
#include <vector>

namespace numeria::organizations {

struct ImportIssue {
    std::string code;     // INE_UNIQUE, UAI_MISMATCHED, … (stable, for scripts)
    std::string ine;      // the pupil's INE or identifier when known
    std::size_t line = 0; // line in the file when known
    std::string field;    // the column or element concerned, when known
    std::string value;    // the value the message quotes (a cell, an encoding, a size in MB, a count)
    std::string reason;   // for a code with several causes (INVALID_FILE, ZIP_SEVERAL_FILES, …), which one
};

// Rule: docs/rules/student-import.md "Bounded errors": a value quoted in an issue (a cell, an INE, a
// file name) is cut to this many bytes, so 100 issues stay a few dozen kilobytes.
constexpr std::size_t MAX_ISSUE_VALUE = 100;

// `text` as clean UTF-8 (malformed bytes and control characters become U+FFFD), cut to
// MAX_ISSUE_VALUE bytes at a character boundary, with "…" when cut.
[[nodiscard]] std::string shortened_value(const std::string& text);

// An issue whose quoted texts (INE, field, value) are clean and bounded.
[[nodiscard]] ImportIssue make_issue(const std::string& code, const std::string& ine = "", std::size_t line = 0,
                                     const std::string& field = "", const std::string& value = "",
                                     const std::string& reason = "");

} // namespace numeria::organizations
