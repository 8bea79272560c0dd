#include "identity/domain/login_name.hpp"

#include <algorithm>
#include <cctype>

namespace numeria::identity {

std::string normalize_email(std::string_view email) {
    auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!email.empty() && is_space(email.front()))
        email.remove_prefix(1);
    while (!email.empty() && is_space(email.back()))
        email.remove_suffix(1);
    std::string normalized(email);
    std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return normalized;
}

bool is_plausible_email(std::string_view email) {
    if (email.empty() || email.size() > 254)
        return false;
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = email.substr(at + 1);
    const std::size_t dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || domain.back() == '.')
        return false;
    return std::none_of(email.begin(), email.end(),
                        [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';'; });
}

bool looks_like_email(std::string_view login) {
    return login.find('@') != std::string_view::npos;
}

} // namespace numeria::identity
