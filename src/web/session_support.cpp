#include "web/session_support.hpp"

#include "identity/domain/session_token.hpp"
#include "identity/use_cases/sessions.hpp"
#include "storage/identity/sql_national_admin_repository.hpp"
#include "storage/identity/sql_session_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "web/web_app.hpp"

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

} // namespace

void resolve_viewer(WebApp& app, Request& request) {
    // API clients send "Authorization: Bearer <token>"; browsers send the session cookie.
    // The API accepts only Bearer tokens, so a cookie can never drive it from another site.
    std::string token;
    const bool api = request.path.rfind("/api/", 0) == 0;
    if (auto authorization = request.header("authorization"); authorization && authorization->rfind("Bearer ", 0) == 0)
        token = authorization->substr(7);
    else if (auto found = request.cookies.find(SESSION_COOKIE); !api && found != request.cookies.end())
        token = found->second;
    if (!is_token(token))
        return;
    app.database.read([&](soci::session& sql) {
        storage::SqlSessionRepository sessions(sql);
        auto user_id = identity::session_user(token, sessions, app.clock);
        if (!user_id)
            return;
        storage::SqlUserRepository users(sql);
        auto user = users.find(*user_id);
        if (!user)
            return;
        storage::SqlNationalAdminRepository admins(sql);
        request.viewer = Viewer{user->id, user->first_name, user->last_name, user->must_change_password,
                                admins.is_national_admin(user->id)};
        request.session_token = token;
    });
}

bool ensure_csrf_token(Request& request) {
    auto found = request.cookies.find(CSRF_COOKIE);
    if (found != request.cookies.end() && is_token(found->second)) {
        request.csrf_token = found->second;
        return false;
    }
    request.csrf_token = identity::new_token();
    return true;
}

bool csrf_matches(const Request& request) {
    auto cookie_value = request.cookies.find(CSRF_COOKIE);
    if (cookie_value == request.cookies.end())
        return false;
    // A form field, or the X-CSRF-Token header for scripts that post a raw body (file uploads).
    if (auto field = request.form.find("csrf"); field != request.form.end())
        return identity::same_token(cookie_value->second, field->second);
    if (auto header = request.header("x-csrf-token"))
        return identity::same_token(cookie_value->second, *header);
    return false;
}

std::string session_cookie(const WebApp& app, const std::string& token, long long max_age_seconds) {
    return cookie(app, SESSION_COOKIE, token, "; Max-Age=" + std::to_string(max_age_seconds));
}

std::string expired_session_cookie(const WebApp& app) {
    return cookie(app, SESSION_COOKIE, "", "; Max-Age=0");
}

std::string csrf_cookie(const WebApp& app, const std::string& token) {
    return cookie(app, CSRF_COOKIE, token, "");
}

} // namespace numeria::web
