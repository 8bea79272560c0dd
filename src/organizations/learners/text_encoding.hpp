// text_encoding.hpp: reads the encoding an XML file declares and converts its bytes to UTF-8 with
// iconv (docs/rules/student-import.md "SIECLE XML": the encoding= of the XML declaration in
// the first 128 bytes, default UTF-8; real SIECLE files are ISO-8859-15 and hold characters like "œ").
#pragma once

#include "core/result.hpp"
#include "organizations/learners/import_issue.hpp"

#include <string>
#include <string_view>

namespace numeria::organizations {

// The encoding named in the XML declaration, upper case ("ISO-8859-15"), or "UTF-8" when none.
[[nodiscard]] std::string declared_xml_encoding(std::string_view bytes);

// Converts `bytes` from `encoding` to UTF-8, dropping a UTF-8 byte-order mark.
// Fails with "ENCODING_NOT_SUPPORTED" (detail: the encoding) or "INVALID_CHAR_DETECTED"
// (bytes that are not valid in that encoding; detail: the line of the first one, from 1).
[[nodiscard]] Result<std::string> to_utf8(std::string_view bytes, const std::string& encoding);

// True for the names to_utf8 reads as UTF-8 ("UTF-8", "UTF8").
[[nodiscard]] bool is_utf8_name(const std::string& encoding);

// Checks that `text` is valid UTF-8 without copying it; fails like to_utf8.
[[nodiscard]] Status check_utf8(std::string_view text);

// Checks that `text` is valid in `encoding` without copying it (a fixed scratch buffer); fails like
// to_utf8, so a file can be decoded while it is parsed, chunk by chunk.
[[nodiscard]] Status check_encoded(std::string_view text, const std::string& encoding);

// The import issue for a failure of to_utf8 or check_utf8 (the line when the error has one).
[[nodiscard]] ImportIssue decoding_issue(const Error& error, const std::string& encoding);

} // namespace numeria::organizations
