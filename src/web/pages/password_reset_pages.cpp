#include "web/pages/password_reset_pages.hpp"

#include "application/identity/accounts.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/page.hpp"
#include "web/request_actor.hpp"
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
    application::request_password_reset(app.services, request.field("email"), request.remote_address);
    // The same answer whether an account exists or not, and whether the limits let a mail leave.
    return page(request, app, 200, "forgotten_password", mstch::map{{"sent", true}, {"email", request.field("email")}});
}

Response get_new_password(const Request& request, WebApp& app) {
    return page(request, app, 200, "new_password", mstch::map{{"token", request.query_param("jeton").value_or("")}});
}

Response post_new_password(const Request& request, WebApp& app) {
    Status reset = application::reset_password(app.services, request.field("jeton"), request.field("mot_de_passe"));
    if (!reset)
        return page(request, app, http_status(reset.error().code), "new_password",
                    mstch::map{{"token", request.field("jeton")}, {"error", french_message(reset.error().reason)}});
    return page(request, app, 200, "new_password", mstch::map{{"done", true}});
}

} // namespace numeria::web
