// person_name.hpp: the shape of a name typed by a person (activation request), before it is stored
// or quoted in an e-mail (docs/rules/security.md "Activation e-mail").
#pragma once

#include <cstddef>
#include <string_view>

namespace numeria::identity {

constexpr std::size_t MAX_PERSON_NAME_CHARACTERS = 100;

enum class NameShape {
    Fine,
    TooLong,   // more than MAX_PERSON_NAME_CHARACTERS characters (code points)
    NotOneLine // a control character (line break, tab…), a line or paragraph separator, an invisible
               // format character (bidirectional override…), or bytes that are not UTF-8
};

[[nodiscard]] NameShape person_name_shape(std::string_view name);

} // namespace numeria::identity
