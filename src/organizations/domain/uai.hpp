// uai.hpp: the national identifier of a school (Unité Administrative Immatriculée), e.g. 0750001A.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace numeria::organizations {

// Seven digits then a letter; spaces are dropped and the letter is upper-cased. The check letter
// is not verified: the directory is the authority on which UAIs exist.
[[nodiscard]] std::optional<std::string> normalize_uai(std::string_view text);

} // namespace numeria::organizations
