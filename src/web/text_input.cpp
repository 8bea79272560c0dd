#include "web/text_input.hpp"

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

namespace numeria::web {

bool is_clean_text(std::string_view text, bool multiline) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    if (text.size() > static_cast<std::size_t>(INT32_MAX))
        return false;
    std::int32_t offset = 0;
    while (offset < length) {
        UChar32 code_point = 0;
        // ICU's decoder gives a negative value for any ill-formed sequence, surrogates included.
        U8_NEXT(bytes, offset, length, code_point);
        if (code_point < 0)
            return false;
        const bool line_break = code_point == '\t' || code_point == '\n' || code_point == '\r';
        if (code_point < 0x20 && !(multiline && line_break))
            return false;
        if (code_point >= 0x7F && code_point <= 0x9F) // DEL and the C1 controls
            return false;
    }
    return true;
}

bool is_clean_form(const std::map<std::string, std::string>& form) {
    for (const auto& [name, value] : form)
        if (!is_clean_text(name, false) || !is_clean_text(value, true))
            return false;
    return true;
}

bool is_clean_json(const nlohmann::json& document) {
    if (document.is_string())
        return is_clean_text(document.get_ref<const std::string&>(), true);
    if (document.is_object()) {
        for (const auto& [key, value] : document.items())
            if (!is_clean_text(key, false) || !is_clean_json(value))
                return false;
        return true;
    }
    if (document.is_array()) {
        for (const auto& value : document)
            if (!is_clean_json(value))
                return false;
    }
    return true;
}

} // namespace numeria::web
