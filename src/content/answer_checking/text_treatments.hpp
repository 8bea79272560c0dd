// text_treatments.hpp: how free answers are compared (docs/rules/content.md "Tolerances").
// Unicode work (normalisation, accents, case, spaces) is done by ICU, never by hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace numeria::content {

// Pre-treatment of every free answer and variant: NFC normalisation, NBSP (and narrow NBSP) → space,
// typographic apostrophe → ', spaces around the answer removed.
[[nodiscard]] std::string pre_treat(std::string_view text);

// t1: trim, lower case, accents removed (NFD then combining marks dropped), all whitespace removed.
[[nodiscard]] std::string treatment_t1(std::string_view text);

// t2: punctuation and symbols removed; every Unicode letter, digit and whitespace kept.
[[nodiscard]] std::string treatment_t2(std::string_view text);

// Levenshtein distance in code points.
[[nodiscard]] std::size_t levenshtein(std::string_view a, std::string_view b);

// A number as students type it: spaces ignored, "3,5" = "3.5", an optional sign; nothing else.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

} // namespace numeria::content
