#include "organizations/learners/import_issue.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>

namespace numeria::organizations {

// Rule: docs/rules/security.md "Text input": a value quoted from a file (a cell, a ZIP entry name)
// is shown as clean text: each malformed UTF-8 sequence and each control character becomes U+FFFD.
std::string clean_value(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    std::int32_t at = 0;
    while (at < length) {
        const std::int32_t start = at;
        UChar32 code_point = 0;
        U8_NEXT(bytes, at, length, code_point);
        if (code_point < 0 || u_iscntrl(code_point))
            out += "\xEF\xBF\xBD";
        else
            out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(at - start));
    }
    return out;
}

std::string shortened_value(const std::string& raw) {
    std::string text = clean_value(raw.size() > 4 * MAX_ISSUE_VALUE ? raw.substr(0, 4 * MAX_ISSUE_VALUE) : raw);
    if (text.size() <= MAX_ISSUE_VALUE && raw.size() <= 4 * MAX_ISSUE_VALUE)
        return text;
    std::size_t end = std::min(MAX_ISSUE_VALUE, text.size());
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end; // never cut a UTF-8 character in two
    return text.substr(0, end) + "…";
}

ImportIssue make_issue(const std::string& code, const std::string& ine, std::size_t line, const std::string& field,
                       const std::string& value, const std::string& reason) {
    return ImportIssue{code, shortened_value(ine), line, shortened_value(field), shortened_value(value), reason};
}

} // namespace numeria::organizations
