// error_mapping.hpp: the one table from use-case errors to HTTP statuses and French messages
// (docs/adr/0003-errors-as-values.md). Domain code only knows reason keys such as "password.too_short".
#pragma once

#include "core/result.hpp"

#include <string>

namespace numeria::web {

[[nodiscard]] int http_status(ErrorCode code);
// The French sentence for a reason key; a generic sentence for an unknown key.
[[nodiscard]] std::string french_message(const std::string& reason);

} // namespace numeria::web
