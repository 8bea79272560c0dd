#include "web/session_support.hpp"

#include "application/identity/accounts.hpp"
#include "identity/domain/session_token.hpp"
#include "identity/use_cases/sessions.hpp"
#include "web/web_app.hpp"

#include <sodium.h>

namespace numeria::web {

namespace {

bool is_token(const std::string& value) {
    return value.size() == 64 && value.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string cookie(const WebApp& app, const std::string& name, const std::string& value, const std::string& extra) {
    std::string text = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + extra;
    if (app.config.secure_cookies())
        text += "; Secure";
    return text;
}

std::string prefixed(const WebApp& app, const char* name) {
    return app.config.secure_cookies() ? std::string("__Host-") + name : std::string(name);
}

} // namespace

void resolve_viewer(WebApp& app, Request& request) {
    // API clients send "Authorization: Bearer <token>"; browsers send the session cookie.
    // The API accepts only Bearer tokens, so a cookie can never drive it from another site.
    std::string token;
    const bool api = request.path.rfind("/api/", 0) == 0;
    if (auto authorization = request.header("authorization"); authorization && authorization->rfind("Bearer ", 0) == 0)
        token = authorization->substr(7);
    else if (auto found = request.cookies.find(session_cookie_name(app)); !api && found != request.cookies.end())
        token = found->second;
    if (!is_token(token))
        return;
    auto found = application::find_viewer(app.services, token);
    if (!found)
        return;
    request.viewer = Viewer{found->user_id,          found->first_name,
                            found->last_name,        found->must_change_password,
                            found->national_admin,   std::move(found->memberships),
                            std::move(found->email), std::move(found->username)};
    request.session_token = token;
}

std::string session_cookie_name(const WebApp& app) {
    return prefixed(app, "numeria_session");
}

std::string csrf_cookie_name(const WebApp& app) {
    return prefixed(app, "numeria_csrf");
}

std::string session_csrf_token(const WebApp& app, const std::string& session_token) {
    const std::string message = "csrf\n" + session_token;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           reinterpret_cast<const unsigned char*>(app.config.secret_key.data()));
    char hex[2 * sizeof mac + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return hex;
}

bool ensure_csrf_token(const WebApp& app, Request& request) {
    auto found = request.cookies.find(csrf_cookie_name(app));
    const std::string cookie_value = found == request.cookies.end() ? std::string() : found->second;
    if (!request.session_token.empty()) {
        request.csrf_token = session_csrf_token(app, request.session_token);
        return cookie_value != request.csrf_token;
    }
    if (is_token(cookie_value)) {
        request.csrf_token = cookie_value;
        return false;
    }
    request.csrf_token = identity::new_token();
    return true;
}

bool csrf_matches(const WebApp& app, const Request& request) {
    if (!is_token(request.csrf_token))
        return false;
    // Anonymous: the token must also be the one of the cookie this browser holds (double submit).
    if (request.session_token.empty()) {
        auto cookie_value = request.cookies.find(csrf_cookie_name(app));
        if (cookie_value == request.cookies.end() || !identity::same_token(cookie_value->second, request.csrf_token))
            return false;
    }
    // A form field, or the X-CSRF-Token header for scripts that post a raw body (file uploads).
    if (auto field = request.form.find("csrf"); field != request.form.end())
        return identity::same_token(request.csrf_token, field->second);
    if (auto header = request.header("x-csrf-token"))
        return identity::same_token(request.csrf_token, *header);
    return false;
}

std::optional<std::string> session_opened_by(const WebApp& app, const Response& response) {
    const std::string start = session_cookie_name(app) + "=";
    for (const auto& [name, value] : response.headers) {
        if (name != "Set-Cookie" || value.rfind(start, 0) != 0)
            continue;
        const std::string token = value.substr(start.size(), value.find(';') - start.size());
        if (is_token(token))
            return token;
    }
    return std::nullopt;
}

std::string session_cookie(const WebApp& app, const std::string& token, long long max_age_seconds) {
    return cookie(app, session_cookie_name(app), token, "; Max-Age=" + std::to_string(max_age_seconds));
}

std::string expired_session_cookie(const WebApp& app) {
    return cookie(app, session_cookie_name(app), "", "; Max-Age=0");
}

std::string csrf_cookie(const WebApp& app, const std::string& token) {
    return cookie(app, csrf_cookie_name(app), token, "");
}

} // namespace numeria::web
