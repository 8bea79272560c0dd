// zip_fuzz.cpp: libFuzzer target for the ZIP guard (extract_single_xml: one .xml, no hidden entry,
// bomb limits) and for the whole SIECLE validation of an upload (validate_import_file), which
// detects a ZIP by its content.
#include "fuzz_support.hpp"
#include "import_checks.hpp"
#include "organizations/learners/zip_extract.hpp"
#include "organizations/use_cases/import_learners.hpp"

#include <variant>

using namespace numeria;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    const std::variant<std::string, organizations::ImportIssue> xml = organizations::extract_single_xml(bytes);
    if (const auto* content = std::get_if<std::string>(&xml)) {
        NUMERIA_ASSERT(content->size() <= organizations::ZIP_MAX_UNCOMPRESSED &&
                           content->size() <= organizations::ZIP_MAX_RATIO * size,
                       "an extracted file stays within the bomb limits");
    } else {
        const auto& issue = std::get<organizations::ImportIssue>(xml);
        NUMERIA_ASSERT(!issue.code.empty(), "every refusal has a code");
    }
    const std::string uai = bytes.find("123ABC") != std::string_view::npos ? "123ABC" : "0759901A";
    fuzz::check_parsed_file(organizations::validate_import_file(organizations::ImportFormat::Siecle, bytes, uai));
    return 0;
}
