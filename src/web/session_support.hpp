// session_support.hpp: who is calling (the session cookie), the CSRF token of forms, and the
// cookies that carry them. Cookies are HttpOnly and SameSite=Lax, Secure under https.
#pragma once

#include "web/http.hpp"

#include <string>

namespace numeria::web {

struct WebApp;

inline constexpr const char* SESSION_COOKIE = "numeria_session";
inline constexpr const char* CSRF_COOKIE = "numeria_csrf";

// Fills request.viewer and request.session_token from a valid session cookie (one database read).
void resolve_viewer(WebApp& app, Request& request);

// Makes sure request.csrf_token is set; returns true when a new token was made (the response must
// then set the CSRF cookie).
[[nodiscard]] bool ensure_csrf_token(Request& request);

// Double-submit check: the form's "csrf" field equals the CSRF cookie (shared/DESIGN.md §5).
[[nodiscard]] bool csrf_matches(const Request& request);

[[nodiscard]] std::string session_cookie(const WebApp& app, const std::string& token, long long max_age_seconds);
[[nodiscard]] std::string expired_session_cookie(const WebApp& app);
[[nodiscard]] std::string csrf_cookie(const WebApp& app, const std::string& token);

} // namespace numeria::web
