// openapi.hpp: the OpenAPI 3 document of /api/v1, built from the route table (so every API route
// is listed) and the descriptions in openapi.cpp.
#pragma once

#include "web/router.hpp"

#include <string>

namespace numeria::web {

[[nodiscard]] std::string openapi_document(const Router& router, const std::string& version);

} // namespace numeria::web
