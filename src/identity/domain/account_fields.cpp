#include "identity/domain/account_fields.hpp"

namespace numeria::identity {

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

Status check_name(std::string_view name, const std::string& field) {
    for (char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return fail(Error::invalid(field + "_not_one_line"));
    if (code_points(name) > NAME_MAX_CHARACTERS)
        return fail(Error::invalid(field + "_too_long"));
    return {};
}

Status check_email_length(std::string_view email) {
    if (code_points(email) > EMAIL_MAX_CHARACTERS)
        return fail(Error::invalid("user.email_too_long"));
    return {};
}

} // namespace numeria::identity
