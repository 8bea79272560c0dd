#include "identity/domain/account_fields.hpp"

#include "identity/domain/person_name.hpp"

namespace numeria::identity {

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

Status check_name(std::string_view name, const std::string& field) {
    // One rule for every name a person types (docs/rules/security.md "Length limits" and "Activation
    // e-mail"): no control character, line or paragraph separator, nor invisible format character
    // (bidirectional overrides could make a name read as another in lists and mails).
    switch (person_name_shape(name)) {
    case NameShape::Fine:
        return {};
    case NameShape::NotOneLine:
        return fail(Error::invalid(field + "_not_one_line"));
    case NameShape::TooLong:
        return fail(Error::invalid(field + "_too_long"));
    }
    return {};
}

Status check_email_length(std::string_view email) {
    if (code_points(email) > EMAIL_MAX_CHARACTERS)
        return fail(Error::invalid("user.email_too_long"));
    return {};
}

} // namespace numeria::identity
