// siecle_parser.hpp: reads a SIECLE "Élèves sans adresses" XML export (root BEE_ELEVES) into learner
// records, under the rules of docs/rules/student-import.md "SIECLE XML".
#pragma once

#include "organizations/learners/parsed_file.hpp"

#include <string>
#include <string_view>

namespace numeria::organizations {

// `bytes`: the file as uploaded (any supported encoding); `school_uai`: the organisation's UAI.
[[nodiscard]] ParsedFile parse_siecle_xml(std::string_view bytes, const std::string& school_uai);

// The same for a file the caller gives away (a ZIP's XML, up to 200 MB): a UTF-8 file is parsed in
// its own buffer, another encoding's raw bytes are freed once converted, before parsing.
[[nodiscard]] ParsedFile parse_owned_siecle_xml(std::string&& bytes, const std::string& school_uai);

} // namespace numeria::organizations
