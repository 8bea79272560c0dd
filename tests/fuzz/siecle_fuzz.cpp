// siecle_fuzz.cpp: libFuzzer target for the SIECLE reader: any bytes, read as an uploaded "Élèves
// sans adresses" export through validate_import_file, the entry point every import goes through
// (the parser, then the text rule of every field; tests/fuzz/corpus/siecle: the fixtures and
// make_siecle.py).
#include "fuzz_support.hpp"
#include "import_checks.hpp"
#include "organizations/use_cases/import_learners.hpp"

#include <string>

using namespace numeria;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    // The seeds carry the UAJ of the sample files (tests/fixtures/students) or that of the demo school: reading a
    // file as its own school's reaches the pupils instead of stopping at UAI_MISMATCHED.
    const std::string uai = bytes.find("123ABC") != std::string_view::npos ? "123ABC" : "0759901A";
    const organizations::ParsedFile file =
        organizations::validate_import_file(organizations::ImportFormat::Siecle, bytes, uai);
    fuzz::check_parsed_file(file);
    for (const organizations::LearnerRecord& record : file.learners)
        NUMERIA_ASSERT(file.refused() || !record.division.empty(), "an accepted pupil has a class");
    return 0;
}
