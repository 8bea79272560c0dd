#include "web/pages/account_pages.hpp"

#include "application/identity/accounts.hpp"
#include "identity/use_cases/sessions.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/page.hpp"
#include "web/request_actor.hpp"
#include "web/session_support.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

// Where to go after signing in: a path of this site only (no open redirect, no header injection).
std::string return_path(const Request& request) {
    std::string target = request.field("retour");
    if (target.empty())
        target = request.query_param("retour").value_or("");
    return safe_local_path(target).value_or("/mon-espace");
}

// The form field a refusal is about, so the message is shown under it.
std::string field_of(const std::string& reason) {
    if (reason == "password.hashing_overloaded")
        return "";
    if (reason.rfind("password.", 0) == 0)
        return "mot_de_passe";
    if (reason.rfind("user.first_name", 0) == 0)
        return "prenom";
    if (reason.rfind("user.last_name", 0) == 0)
        return "nom";
    if (reason.rfind("user.email", 0) == 0)
        return "email";
    if (reason.rfind("user.terms", 0) == 0)
        return "cgu";
    return "";
}

Response sign_up_page(const Request& request, WebApp& app, int status, const std::string& reason) {
    mstch::map context{{"csrf", request.csrf_token},
                       {"prenom", request.field("prenom")},
                       {"nom", request.field("nom")},
                       {"email", request.field("email")},
                       {"cgu_checked", request.field("cgu") == "oui"},
                       {"retour", return_path(request)},
                       {"retour_query", percent_encode(return_path(request))}};
    if (!reason.empty()) {
        context.emplace("error", french_message(reason));
        context.emplace("error_" + field_of(reason), french_message(reason));
    }
    Response response;
    response.status = status;
    response.body = render_page(app, request, PageMeta{"Inscription", "mon-espace"}, "sign_up", context);
    return response;
}

Response log_in_page_with_message(const Request& request, WebApp& app, int status, const std::string& message) {
    mstch::map context{{"csrf", request.csrf_token},
                       {"login", request.field("identifiant")},
                       {"retour", return_path(request)},
                       {"retour_query", percent_encode(return_path(request))}};
    if (!message.empty())
        context.emplace("error", message);
    Response response;
    response.status = status;
    response.body = render_page(app, request, PageMeta{"Connexion", "mon-espace"}, "log_in", context);
    return response;
}

Response log_in_page(const Request& request, WebApp& app, int status, const std::string& reason) {
    return log_in_page_with_message(request, app, status, reason.empty() ? "" : french_message(reason));
}

Response signed_in(WebApp& app, identity::UserId user_id, const std::string& target) {
    const identity::OpenedSession opened = application::open_session(app.services, user_id);
    Response response = Response::redirect(target);
    response.set_header("Set-Cookie", session_cookie(app, opened.token, identity::SESSION_LIFETIME_MS / 1000));
    return response;
}

} // namespace

Response get_sign_up(const Request& request, WebApp& app) {
    return sign_up_page(request, app, 200, "");
}

Response post_sign_up(const Request& request, WebApp& app) {
    identity::SignUp command{request.field("prenom"), request.field("nom"), request.field("email"),
                             request.field("mot_de_passe"), request.field("cgu") == "oui"};
    Status signed_up = application::sign_up(app.services, command, request.remote_address);
    if (!signed_up && signed_up.error().reason == "sign_up.too_many") {
        Response response = sign_up_page(request, app, 429, "sign_up.too_many");
        response.set_header("Retry-After", "3600");
        return response;
    }
    if (!signed_up)
        return sign_up_page(request, app, http_status(signed_up.error().code), signed_up.error().reason);
    // Rule: docs/rules/security.md, "Log-in timing": the same answer whether the address already had
    // an account or not; the mail tells the owner which.
    mstch::map context{
        {"sent", true}, {"email", request.field("email")}, {"retour_query", percent_encode(return_path(request))}};
    Response response;
    response.body = render_page(app, request, PageMeta{"Inscription", "mon-espace"}, "sign_up", context);
    return response;
}

Response get_log_in(const Request& request, WebApp& app) {
    if (request.viewer)
        return Response::redirect(return_path(request));
    return log_in_page(request, app, 200, "");
}

Response post_log_in(const Request& request, WebApp& app) {
    identity::LogIn command{request.field("identifiant"), request.field("mot_de_passe"), request.remote_address};
    Result<identity::LoggedIn> logged = application::log_in(app.services, command);
    if (!logged && logged.error().reason == "login.blocked") {
        const long long until = logged.error().until_ms;
        const long long minutes = std::max(1LL, (until - app.clock.now() + 59'999) / 60'000);
        Response response =
            log_in_page_with_message(request, app, 429,
                                     "Trop de tentatives de connexion. Réessayez dans " + std::to_string(minutes) +
                                         (minutes > 1 ? " minutes." : " minute.") +
                                         " Si c'est votre compte, le lien « Débloquer mon compte » envoyé à son "
                                         "adresse e-mail permet de vous connecter tout de suite.");
        response.set_header("Retry-After", std::to_string(minutes * 60));
        return response;
    }
    if (!logged)
        return log_in_page(request, app, http_status(logged.error().code), logged.error().reason);
    return signed_in(app, logged->user_id, return_path(request));
}

namespace {

Response unlock_page(const Request& request, WebApp& app, int status, const std::string& token,
                     const std::string& reason) {
    mstch::map context{{"csrf", request.csrf_token}, {"token", token}};
    if (!reason.empty())
        context.emplace("error", french_message(reason));
    Response response;
    response.status = status;
    response.body =
        render_page(app, request, PageMeta{"Débloquer mon compte", "mon-espace"}, "account_unlock", context);
    return response;
}

} // namespace

Response get_account_unlock(const Request& request, WebApp& app) {
    return unlock_page(request, app, 200, request.query_param("jeton").value_or(""), "");
}

Response post_account_unlock(const Request& request, WebApp& app) {
    Result<identity::LoggedIn> logged =
        application::unlock_account(app.services, request.field("jeton"), request.field("mot_de_passe"));
    if (!logged)
        return unlock_page(request, app, http_status(logged.error().code), request.field("jeton"),
                           logged.error().reason);
    return signed_in(app, logged->user_id, "/mon-espace");
}

Response post_log_out(const Request& request, WebApp& app) {
    if (!request.session_token.empty())
        application::close_session(app.services, request.session_token);
    Response response = Response::redirect("/");
    response.set_header("Set-Cookie", expired_session_cookie(app));
    return response;
}

namespace {

Response change_password_page(const Request& request, WebApp& app, int status, const std::string& reason) {
    mstch::map context{{"csrf", request.csrf_token},
                       {"forced", request.viewer && request.viewer->must_change_password}};
    if (!reason.empty())
        context.emplace("error", french_message(reason));
    Response response;
    response.status = status;
    response.body =
        render_page(app, request, PageMeta{"Changer mon mot de passe", "mon-espace"}, "change_password", context);
    return response;
}

} // namespace

Response get_change_password(const Request& request, WebApp& app) {
    return change_password_page(request, app, 200, "");
}

Response post_change_password(const Request& request, WebApp& app) {
    Status changed = application::change_password(app.services, request.viewer->user_id, request.session_token,
                                                  request.field("mot_de_passe"));
    if (!changed)
        return change_password_page(request, app, http_status(changed.error().code), changed.error().reason);
    return Response::redirect("/mon-espace");
}

} // namespace numeria::web
