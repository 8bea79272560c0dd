// routes.hpp: the route table of the whole product, in one place (routes.cpp).
#pragma once

#include "web/router.hpp"

namespace numeria::web {

// Registers every route with who may call it and its body-size limit.
void register_routes(Router& router);

} // namespace numeria::web
