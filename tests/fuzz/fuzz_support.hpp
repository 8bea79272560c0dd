// fuzz_support.hpp: what the libFuzzer targets of tests/fuzz share: the input as text, and the
// checks a target makes on what a parser returns (a failed check aborts, which libFuzzer reports as
// a crash with the input that caused it).
#pragma once

#include "core/assert.hpp"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace numeria::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Well-formed UTF-8 as Unicode defines it (no overlong form, no surrogate, nothing above U+10FFFF),
// checked by ICU: what the JSON output and the database need of every stored text.
inline bool is_well_formed_utf8(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
    return status != U_INVALID_CHAR_FOUND && status != U_ILLEGAL_ARGUMENT_ERROR;
}

// True when `text` holds a control character (Unicode category Cc: NUL, tab, line breaks, DEL, C1).
inline bool has_control_character(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c >= 0 && u_charType(c) == U_CONTROL_CHAR)
            return true;
    }
    return false;
}

} // namespace numeria::fuzz
