// zip_extract.hpp: takes the single SIECLE XML out of a ZIP upload with libzip, refusing archives
// that are not exactly one .xml file and archives that would expand beyond safe limits
// (docs/rules/student-import.md "ZIP archives").
#pragma once

#include "organizations/learners/import_issue.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace numeria::organizations {

// Rule: docs/rules/student-import.md "ZIP archives": refuse archives whose uncompressed size would exceed 200 MB or 100
// times the compressed size.
constexpr std::uint64_t ZIP_MAX_UNCOMPRESSED = 200ULL * 1024 * 1024;
constexpr std::uint64_t ZIP_MAX_RATIO = 100;

// Rule: docs/rules/student-import.md "ZIP entry names": a name longer than 1024 bytes, or with a
// part between slashes longer than 255 bytes, refuses the archive.
constexpr std::size_t ZIP_MAX_NAME = 1024;
constexpr std::size_t ZIP_MAX_NAME_PART = 255;

enum class ZipEntryKind { Folder, Hidden, Xml, Other, TooLong };

// What an entry name is, by plain character checks (never a pattern engine: names are user input).
// Xml: folders and a file name, none empty or starting with '.', the file ending in ".xml" (any case).
[[nodiscard]] ZipEntryKind classify_entry_name(std::string_view name);

// True when the bytes start like a ZIP archive (detected by content, never by file name).
[[nodiscard]] bool looks_like_zip(std::string_view bytes);

// The XML file's bytes, or the refusal.
[[nodiscard]] std::variant<std::string, ImportIssue> extract_single_xml(std::string_view archive);

} // namespace numeria::organizations
