// error_mapping.hpp: the one catalogue from use-case errors to HTTP statuses and French messages
// (docs/adr/0003-errors-as-values.md), and the one JSON error envelope of the API and of the page
// scripts: {"error": {"code": "<reason>", "message": "<French>"}}. Domain and application code only
// know reason keys such as "password.too_short"; HTML error pages are web/dispatch.cpp's
// error_response.
#pragma once

#include "core/result.hpp"
#include "web/http.hpp"

#include <string>

namespace numeria::web {

[[nodiscard]] int http_status(ErrorCode code);
// The French sentence for a reason key; a generic sentence for an unknown key.
[[nodiscard]] std::string french_message(const std::string& reason);

// The JSON error envelope with a status and a message of the caller's.
[[nodiscard]] Response error_json(int status, const std::string& reason, const std::string& message);
// The JSON error envelope of a use case's error: its status and its French message.
[[nodiscard]] Response error_json(const Error& error);

} // namespace numeria::web
