#include "web/pages/password_reset_pages.hpp"

#include "identity/use_cases/password_reset.hpp"
#include "storage/identity/sql_token_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "web/error_mapping.hpp"
#include "web/mail_messages.hpp"
#include "web/pages/page.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

Response page(const Request& request, WebApp& app, int status, const std::string& name, mstch::map context) {
    context.emplace("csrf", request.csrf_token);
    Response response;
    response.status = status;
    response.body = render_page(app, request, PageMeta{"Mot de passe oublié", "mon-espace"}, name, context);
    return response;
}

} // namespace

Response get_forgotten_password(const Request& request, WebApp& app) {
    return page(request, app, 200, "forgotten_password", mstch::map{});
}

Response post_forgotten_password(const Request& request, WebApp& app) {
    std::optional<identity::PasswordResetRequested> requested;
    app.database.write([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        storage::SqlPasswordResetRepository tokens(sql);
        requested = identity::request_password_reset(request.field("email"), users, tokens, app.clock);
    });
    if (requested)
        send_mail(app, request, password_reset_mail(app, requested->email, requested->token));
    // The same answer whether an account exists or not.
    return page(request, app, 200, "forgotten_password", mstch::map{{"sent", true}, {"email", request.field("email")}});
}

Response get_new_password(const Request& request, WebApp& app) {
    return page(request, app, 200, "new_password", mstch::map{{"token", request.query_param("jeton").value_or("")}});
}

Response post_new_password(const Request& request, WebApp& app) {
    Result<identity::UserId> reset = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        storage::SqlPasswordResetRepository tokens(sql);
        reset = identity::reset_password(request.field("jeton"), request.field("mot_de_passe"), users, tokens,
                                         app.hasher, app.clock);
    });
    if (!reset)
        return page(request, app, http_status(reset.error().code), "new_password",
                    mstch::map{{"token", request.field("jeton")}, {"error", french_message(reset.error().reason)}});
    return page(request, app, 200, "new_password", mstch::map{{"done", true}});
}

} // namespace numeria::web
