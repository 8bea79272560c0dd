#include "web/dispatch.hpp"

#include "web/access.hpp"
#include "web/client_address.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/page.hpp"
#include "web/session_support.hpp"
#include "web/text_input.hpp"
#include "web/web_app.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

namespace numeria::web {

namespace {

bool is_api(const Request& request) {
    return request.path.rfind("/api/", 0) == 0;
}

struct ErrorText {
    const char* code;
    const char* title;
    const char* message;
};

// French wording of the errors the server itself produces (the use-case errors have their own
// table in web/error_mapping.cpp).
ErrorText error_text(int status) {
    switch (status) {
    case 400:
        return {"bad_request", "Requête invalide", "La requête envoyée par votre navigateur est incorrecte."};
    case 401:
        return {"unauthenticated", "Connexion requise", "Connectez-vous pour accéder à cette page."};
    case 403:
        return {"forbidden", "Accès refusé", "Vous n'avez pas les droits nécessaires pour cette action."};
    case 404:
        return {"not_found", "Page non trouvée",
                "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée."};
    case 405:
        return {"method_not_allowed", "Méthode non autorisée", "Cette adresse n'accepte pas ce type de requête."};
    case 408:
        return {"request_timeout", "Délai dépassé", "La requête a mis trop de temps à arriver."};
    case 413:
        return {"payload_too_large", "Fichier trop volumineux",
                "Le contenu envoyé dépasse la taille autorisée pour cette page."};
    case 431:
        return {"headers_too_large", "En-têtes trop volumineux", "Les en-têtes de la requête sont trop longs."};
    case 503:
        return {"unavailable", "Service indisponible", "Le service est momentanément indisponible. Réessayez."};
    default:
        return {"internal_error", "Erreur inattendue",
                "Désolé, une erreur est survenue de notre côté. Réessayez dans quelques instants."};
    }
}

} // namespace

Response error_response(const WebApp& app, int status, const Request& request) {
    ErrorText text = error_text(status);
    if (is_api(request)) {
        nlohmann::json body = {{"error", {{"code", text.code}, {"message", text.message}}}};
        return Response::json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    mstch::map context{{"status", std::to_string(status)},
                       {"error_title", std::string(text.title)},
                       {"error_message", std::string(text.message)},
                       {"request_id", request.request_id}};
    Response response;
    response.status = status;
    response.body = render_page(app, request, PageMeta{text.title, ""}, "error", context);
    return response;
}

void add_security_headers(const WebApp& app, Response& response) {
    // Rule: docs/rules/web.md "Security headers": CSP without inline script, nosniff,
    // Referrer-Policy, frame-ancestors 'none'.
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                        "form-action 'self'; frame-ancestors 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "same-origin");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
    response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (app.config.base_url.rfind("https://", 0) == 0)
        response.set_header("Strict-Transport-Security", "max-age=31536000");
    bool has_cache_control = false;
    for (const auto& [name, value] : response.headers)
        has_cache_control = has_cache_control || name == "Cache-Control";
    // Pages carry minors' data: never kept by shared caches unless the handler says otherwise.
    if (!has_cache_control)
        response.set_header("Cache-Control", "no-store");
}

namespace {

bool changes_state(Method method) {
    return method == Method::Post || method == Method::Put || method == Method::Patch || method == Method::Delete;
}

// Who is calling, CSRF and the access the route declares: the refusal, or nothing when the
// request may run. Reads only the head of the request (and the form, once the body is there).
std::optional<Response> authorize(WebApp& app, Request& request, const Route& route) {
    if (auto cookie_header = request.header("cookie"))
        request.cookies = parse_cookies(*cookie_header);
    request.remote_address =
        client_address(request.remote_address, request.header("x-forwarded-for"), app.config.trusted_proxies);
    if (!route.reads_session)
        return std::nullopt; // public and stateless (static files, health checks): Anonymous only
    resolve_viewer(app, request);
    request.new_csrf_cookie = ensure_csrf_token(app, request);

    // Rule: docs/rules/security.md "CSRF": a CSRF token on every
    // state-changing form.
    if (changes_state(request.method) && !is_api(request) && !csrf_matches(app, request))
        return error_response(app, 403, request);
    // Rule: docs/rules/security.md "Access": every route declares who may
    // call it; anything of an organisation one is not a member of answers 404; a member calling an
    // admin-only route of their own organisation gets 403.
    PathRole role = PathRole::None;
    if (const char* scope = scope_parameter(route.access); scope && request.viewer) {
        const std::string& raw = request.params[scope];
        if (raw.empty() || raw.size() > 18 || raw.find_first_not_of("0123456789") != std::string::npos)
            return error_response(app, 404, request);
        request.organization_id = std::stoll(raw);
        for (const application::ViewerMembership& membership : request.viewer->memberships) {
            if (membership.organization_id != request.organization_id)
                continue;
            request.organization_admin = membership.role == organizations::Role::Admin;
            role = request.organization_admin ? PathRole::Admin : PathRole::Member;
        }
    }
    switch (decide_access(route.access, request.viewer ? &*request.viewer : nullptr, role)) {
    case AccessDecision::Allow:
        break;
    case AccessDecision::LogIn:
        if (is_api(request))
            return error_response(app, 401, request);
        return Response::redirect("/connexion?retour=" + percent_encode(request.target));
    case AccessDecision::NotFound:
        return error_response(app, 404, request);
    case AccessDecision::Forbidden:
        return error_response(app, 403, request);
    }
    // A password set by someone else must be replaced before anything else
    // (docs/rules/accounts.md "Forced password change").
    const bool must_change = request.viewer && request.viewer->must_change_password && !route.before_password_change;
    if (must_change && !is_api(request))
        return Response::redirect("/mot-de-passe/changer");
    if (must_change && is_api(request))
        return error_json(403, "password.must_change", french_message("password.must_change"));
    return std::nullopt;
}

// The handler, once the request is authorised; the CSRF cookie follows the session.
Response run_route(WebApp& app, Request& request, const Route& route) {
    Response response = route.handler(request, app);
    if (response.content_type.rfind("text/html", 0) == 0 || response.status == 303) {
        // Rule: docs/rules/security.md "CSRF": a response that opens a session (log-in, sign-up)
        // rotates the CSRF token to the new session's.
        if (auto opened = session_opened_by(app, response))
            response.headers.emplace(response.headers.begin(), "Set-Cookie",
                                     csrf_cookie(app, session_csrf_token(app, *opened)));
        else if (request.new_csrf_cookie && response.content_type.rfind("text/html", 0) == 0)
            response.set_header("Set-Cookie", csrf_cookie(app, request.csrf_token));
    }
    return response;
}

} // namespace

Response dispatch(WebApp& app, Request& request, const RouteMatch& match) {
    if (match.route == nullptr) {
        Response response = error_response(app, match.allowed.empty() ? 404 : 405, request);
        if (!match.allowed.empty()) {
            std::string allow;
            for (Method method : match.allowed)
                allow += (allow.empty() ? "" : ", ") + std::string(method_name(method));
            response.set_header("Allow", allow);
        }
        return response;
    }
    try {
        if (!request.authorized) {
            request.params = match.params;
            auto type = request.header("content-type");
            if (type && type->rfind("application/x-www-form-urlencoded", 0) == 0)
                request.form = parse_form(request.body);
            // Rule: docs/rules/security.md "Text input": a form with malformed UTF-8 or a control
            // character is refused as a whole, before any use case sees it.
            if (!is_clean_form(request.form))
                return error_response(app, 400, request);
            if (auto refused = authorize(app, request, *match.route))
                return *refused;
        }
        return run_route(app, request, *match.route);
    } catch (const std::exception& error) {
        spdlog::error(nlohmann::json{{"msg", "unhandled error"},
                                     {"request_id", request.request_id},
                                     {"route", match.route->name},
                                     {"error", error.what()}}
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return error_response(app, 500, request);
    }
}

std::optional<Response> authorize_head(WebApp& app, Request& request, const RouteMatch& match) {
    request.params = match.params;
    try {
        if (auto refused = authorize(app, request, *match.route))
            return refused;
    } catch (const std::exception& error) {
        spdlog::error(nlohmann::json{{"msg", "unhandled error"},
                                     {"request_id", request.request_id},
                                     {"route", match.route->name},
                                     {"error", error.what()}}
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return error_response(app, 500, request);
    }
    request.authorized = true;
    return std::nullopt;
}

void record_request(WebApp& app, const Request& request, const std::string& route_name, int status,
                    std::chrono::steady_clock::time_point started, std::size_t bytes) {
    auto micros = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
    app.metrics.observe(method_name(request.method), route_name, status, micros);
    if (auto access = spdlog::get("access")) {
        nlohmann::json line = {{"msg", "request"},
                               {"request_id", request.request_id},
                               {"method", method_name(request.method)},
                               {"route", route_name},
                               {"status", status},
                               {"us", micros},
                               {"bytes", bytes},
                               {"remote", request.remote_address}};
        access->info(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}

std::string make_request_id(const std::optional<std::string>& incoming) {
    if (incoming && !incoming->empty() && incoming->size() <= 64) {
        bool safe = true;
        for (char c : *incoming)
            safe = safe && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
        if (safe)
            return *incoming;
    }
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    char hex[17];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

} // namespace numeria::web
