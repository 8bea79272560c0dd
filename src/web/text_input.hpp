// text_input.hpp: what text the server accepts from people and programs (forms, JSON bodies).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <string_view>

namespace numeria::web {

// Rule: docs/rules/security.md "Text input": well-formed UTF-8 (no overlong form, no surrogate,
// nothing above U+10FFFF) without NUL nor any other control character; with `multiline`, TAB, LF
// and CR are allowed (text areas).
[[nodiscard]] bool is_clean_text(std::string_view text, bool multiline);

// Every name and value of a posted form is clean text (values may span lines).
[[nodiscard]] bool is_clean_form(const std::map<std::string, std::string>& form);

// Every key and string of a JSON document is clean text (strings may span lines).
[[nodiscard]] bool is_clean_json(const nlohmann::json& document);

} // namespace numeria::web
