// session_support.hpp: who is calling (the session cookie), the CSRF token of forms, and the
// cookies that carry them. Cookies are HttpOnly and SameSite=Lax, Secure under https.
#pragma once

#include "web/http.hpp"

#include <optional>
#include <string>

namespace numeria::web {

struct WebApp;

// Rule: docs/rules/security.md "Cookies": under https the cookies carry the `__Host-` prefix, so
// the browser accepts them only from this host, over https, for the whole site.
[[nodiscard]] std::string session_cookie_name(const WebApp& app);
[[nodiscard]] std::string csrf_cookie_name(const WebApp& app);

// Fills request.viewer and request.session_token from a valid session cookie (one database read).
void resolve_viewer(WebApp& app, Request& request);

// Rule: docs/rules/security.md "CSRF": sets request.csrf_token, the value every form must post
// back. Signed in, it is bound to the session (an HMAC of the session token under the server's
// secret), so it changes at every log-in and a token of one session is worth nothing in another;
// anonymous, it is a random value kept in the CSRF cookie (double submit). Returns true when the
// CSRF cookie must be (re)set to request.csrf_token.
[[nodiscard]] bool ensure_csrf_token(const WebApp& app, Request& request);

// The token a form of this session must carry.
[[nodiscard]] std::string session_csrf_token(const WebApp& app, const std::string& session_token);

// The form's "csrf" field (or the X-CSRF-Token header, for scripts posting a raw body) equals
// request.csrf_token (after ensure_csrf_token); compared in constant time.
[[nodiscard]] bool csrf_matches(const WebApp& app, const Request& request);

// The session token that a response opens through its Set-Cookie header, if any.
[[nodiscard]] std::optional<std::string> session_opened_by(const WebApp& app, const Response& response);

[[nodiscard]] std::string session_cookie(const WebApp& app, const std::string& token, long long max_age_seconds);
[[nodiscard]] std::string expired_session_cookie(const WebApp& app);
[[nodiscard]] std::string csrf_cookie(const WebApp& app, const std::string& token);

} // namespace numeria::web
