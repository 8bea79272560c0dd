#include "organizations/domain/uai.hpp"

#include <cctype>

namespace numeria::organizations {

std::optional<std::string> normalize_uai(std::string_view text) {
    std::string uai;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            uai += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (uai.size() != 8)
        return std::nullopt;
    for (std::size_t i = 0; i < 7; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(uai[i])))
            return std::nullopt;
    }
    if (uai[7] < 'A' || uai[7] > 'Z')
        return std::nullopt;
    return uai;
}

} // namespace numeria::organizations
