// access.hpp: who may call a route (docs/rules/security.md "Access"), decided from what the route declares,
// who calls and their role in the organisation the path names. Pure: web/dispatch.cpp looks the
// membership up and turns the decision into a response.
#pragma once

#include "web/http.hpp"

#include <optional>

namespace numeria::web {

enum class AccessDecision {
    Allow,
    LogIn,     // nobody is signed in: 303 to the log-in page (401 for the API)
    NotFound,  // 404: the route does not exist for this caller (another school's ids, Admin space…)
    Forbidden, // 403: a member of the organisation without the role the route needs
};

// The role the viewer holds in the organisation (or certification centre) the path names.
enum class PathRole { None, Member, Admin };

// The organisation-like path parameter a route kind names ("org_id", "centre_id"), or nullptr.
[[nodiscard]] const char* scope_parameter(Access access);

// Rule: docs/rules/security.md "Access": deny by default; every kind of Access is decided here in a
// switch without default, so a new kind does not compile until it is decided.
[[nodiscard]] AccessDecision decide_access(Access access, const Viewer* viewer, PathRole role);

} // namespace numeria::web
