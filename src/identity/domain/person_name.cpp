#include "identity/domain/person_name.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>

namespace numeria::identity {

// Rule: docs/rules/security.md "Activation e-mail": one line, at most 100 characters.
NameShape person_name_shape(std::string_view name) {
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    std::string round_trip;
    text.toUTF8String(round_trip);
    if (round_trip != name)
        return NameShape::NotOneLine; // not UTF-8: ICU replaced some bytes
    std::size_t characters = 0;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const int8_t type = u_charType(text.char32At(i));
        if (type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR ||
            type == U_FORMAT_CHAR)
            return NameShape::NotOneLine;
        ++characters;
    }
    return characters > MAX_PERSON_NAME_CHARACTERS ? NameShape::TooLong : NameShape::Fine;
}

} // namespace numeria::identity
