#include "web/pages/account_pages.hpp"

#include "application/identity/accounts.hpp"
#include "identity/use_cases/sessions.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/after_log_in.hpp"
#include "web/pages/page.hpp"
#include "web/request_actor.hpp"
#include "web/session_support.hpp"
#include "web/web_app.hpp"

#include <algorithm>
#include <vector>

namespace numeria::web {

namespace {

// The return address of the form or of the link, if it is a path of this site (no open redirect,
// no header injection); none otherwise.
std::optional<std::string> explicit_return(const Request& request) {
    std::string target = request.field("retour");
    if (target.empty())
        target = request.query_param("retour").value_or("");
    return safe_local_path(target);
}

// The form field a refusal is about, so the message is shown under it.
std::string field_of(const std::string& reason) {
    if (reason == "password.hashing_overloaded")
        return "";
    if (reason == "password.current_required" || reason == "password.current_wrong")
        return "mot_de_passe_actuel";
    if (reason == "password.confirmation_mismatch")
        return "confirmation";
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

// The context of a form with its refusals: the summary at the top ("errors", each linked to its
// field) and each field's message under it ("error_<field>").
void add_problems(mstch::map& context, const std::vector<std::pair<std::string, std::string>>& problems) {
    mstch::array errors;
    std::string general;
    for (const auto& [field, message] : problems) {
        if (field.empty()) {
            general = message;
            continue;
        }
        errors.push_back(mstch::map{{"field", field}, {"message", message}});
        context.emplace("error_" + field, message);
    }
    if (!general.empty())
        context.emplace("error", general);
    if (!errors.empty()) {
        context.emplace("errors_count",
                        errors.size() > 1 ? std::to_string(errors.size()) + " erreurs" : std::string("une erreur"));
        context.emplace("errors", errors);
        context.emplace("has_errors", true);
    }
}

std::string retour_of(const Request& request) {
    return explicit_return(request).value_or("");
}

// Rule: docs/rules/accounts.md "After log-in": a log-in page belongs to the space it was opened
// from, if any, never to "Mon espace" by default.
PageMeta log_in_meta(const Request& request, const std::string& title) {
    return PageMeta{title, space_of_return(explicit_return(request))};
}

Response sign_up_page(const Request& request, WebApp& app, int status, const std::vector<Error>& refusals) {
    mstch::map context{{"csrf", request.csrf_token},
                       {"prenom", request.field("prenom")},
                       {"nom", request.field("nom")},
                       {"email", request.field("email")},
                       {"cgu_checked", request.field("cgu") == "oui"},
                       {"retour", retour_of(request)},
                       {"retour_query", percent_encode(retour_of(request))}};
    std::vector<std::pair<std::string, std::string>> problems;
    bool password_refused = false;
    for (const Error& refusal : refusals) {
        problems.emplace_back(field_of(refusal.reason), french_message(refusal.reason));
        password_refused = password_refused || field_of(refusal.reason) == "mot_de_passe";
    }
    // The password is never sent back to the browser: a refused form asks for it again.
    if (!refusals.empty() && !password_refused)
        problems.emplace_back("mot_de_passe", "Saisissez à nouveau votre mot de passe : pour votre sécurité, il "
                                              "n'est pas conservé quand le formulaire est refusé.");
    // The summary lists the problems in the order of the fields on the page.
    static const std::vector<std::string> FORM_ORDER = {"", "prenom", "nom", "email", "mot_de_passe", "cgu"};
    auto rank = [](const std::string& field) { return std::find(FORM_ORDER.begin(), FORM_ORDER.end(), field); };
    std::stable_sort(problems.begin(), problems.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    add_problems(context, problems);
    Response response;
    response.status = status;
    response.body = render_page(app, request, log_in_meta(request, "Inscription"), "sign_up", context);
    return response;
}

Response log_in_page_with_message(const Request& request, WebApp& app, int status, const std::string& message) {
    mstch::map context{{"csrf", request.csrf_token},
                       {"login", request.field("identifiant")},
                       {"retour", retour_of(request)},
                       {"retour_query", percent_encode(retour_of(request))}};
    if (!message.empty())
        context.emplace("error", message);
    Response response;
    response.status = status;
    response.body = render_page(app, request, log_in_meta(request, "Connexion"), "log_in", context);
    return response;
}

Response log_in_page(const Request& request, WebApp& app, int status, const std::string& reason) {
    return log_in_page_with_message(request, app, status, reason.empty() ? "" : french_message(reason));
}

// Opens the session and leads to the return address, else the person's landing page
// (docs/rules/accounts.md "After log-in").
Response signed_in(WebApp& app, identity::UserId user_id, const std::optional<std::string>& target) {
    const application::StartedSession started = application::start_session(app.services, user_id);
    Response response = Response::redirect(landing_path(target, started.first_organization));
    response.set_header("Set-Cookie", session_cookie(app, started.session.token, identity::SESSION_LIFETIME_MS / 1000));
    return response;
}

} // namespace

Response get_sign_up(const Request& request, WebApp& app) {
    return sign_up_page(request, app, 200, {});
}

Response post_sign_up(const Request& request, WebApp& app) {
    identity::SignUp command{request.field("prenom"), request.field("nom"), request.field("email"),
                             request.field("mot_de_passe"), request.field("cgu") == "oui"};
    Status signed_up = application::sign_up(app.services, command, request.remote_address);
    if (!signed_up && signed_up.error().reason == "sign_up.too_many") {
        Response response = sign_up_page(request, app, 429, {signed_up.error()});
        response.set_header("Retry-After", "3600");
        return response;
    }
    if (!signed_up) {
        // Rule: docs/rules/accounts.md "Sign-up": every problem of the form at once.
        std::vector<Error> problems = identity::sign_up_problems(command);
        if (problems.empty())
            problems.push_back(signed_up.error());
        return sign_up_page(request, app, http_status(signed_up.error().code), problems);
    }
    // Rule: docs/rules/security.md, "Log-in timing": the same answer whether the address already had
    // an account or not; the mail tells the owner which.
    mstch::map context{
        {"sent", true}, {"email", request.field("email")}, {"retour_query", percent_encode(retour_of(request))}};
    Response response;
    response.body = render_page(app, request, log_in_meta(request, "Inscription"), "sign_up", context);
    return response;
}

Response get_log_in(const Request& request, WebApp& app) {
    if (request.viewer)
        return Response::redirect(explicit_return(request).value_or("/mon-espace"));
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
    return signed_in(app, logged->user_id, explicit_return(request));
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
    return signed_in(app, logged->user_id, std::nullopt);
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
    const bool forced = request.viewer && request.viewer->must_change_password;
    mstch::map context{{"csrf", request.csrf_token}, {"forced", forced}};
    if (!reason.empty())
        add_problems(context, {{field_of(reason), french_message(reason)}});
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
    const bool forced = request.viewer->must_change_password;
    identity::PasswordChange change{request.field("mot_de_passe_actuel"), request.field("mot_de_passe"),
                                    request.field("confirmation")};
    Status changed =
        application::change_my_password(app.services, request.viewer->user_id, request.session_token, change);
    if (!changed)
        return change_password_page(request, app, http_status(changed.error().code), changed.error().reason);
    return Response::redirect(forced ? "/mon-espace?fait=mot-de-passe-choisi" : "/mon-espace?fait=mot-de-passe");
}

} // namespace numeria::web
