// text_fuzz.cpp: libFuzzer target for text decoding (declared_xml_encoding, to_utf8, check_encoded,
// check_utf8): whatever the bytes, the three agree, and what to_utf8 accepts is well-formed UTF-8.
#include "fuzz_support.hpp"
#include "organizations/learners/text_encoding.hpp"

#include <array>
#include <string>

using namespace numeria;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    const std::string declared = organizations::declared_xml_encoding(bytes);
    NUMERIA_ASSERT(!declared.empty(), "a file always has an encoding (UTF-8 by default)");
    static const std::array<std::string, 4> encodings = {"UTF-8", "ISO-8859-15", "WINDOWS-1252", "EBCDIC-FR"};
    for (const std::string& encoding : encodings) {
        const Result<std::string> text = organizations::to_utf8(bytes, encoding);
        const Status checked = organizations::check_encoded(bytes, encoding);
        NUMERIA_ASSERT(text.has_value() == checked.has_value(), "to_utf8 and check_encoded agree");
        if (!text) {
            (void)organizations::decoding_issue(text.error(), encoding);
            continue;
        }
        NUMERIA_ASSERT(fuzz::is_well_formed_utf8(*text), "to_utf8 gives well-formed UTF-8 only");
        if (organizations::is_utf8_name(encoding))
            NUMERIA_ASSERT(organizations::check_utf8(bytes).has_value(), "check_utf8 accepts what to_utf8 accepts");
    }
    const Result<std::string> declared_text = organizations::to_utf8(bytes, declared);
    if (declared_text)
        NUMERIA_ASSERT(fuzz::is_well_formed_utf8(*declared_text), "to_utf8 gives well-formed UTF-8 only");
    return 0;
}
