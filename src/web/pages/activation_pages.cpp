#include "web/pages/activation_pages.hpp"

#include "application/organizations/team.hpp"
#include "organizations/use_cases/activate_school.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/page.hpp"
#include "web/request_actor.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

// "ce.0750001a@ac-exemple.fr" → "c•••@ac-exemple.fr": the page says where the link went without
// publishing the address.
std::string masked(const std::string& email) {
    const std::size_t at = email.find('@');
    if (at == std::string::npos || at == 0)
        return "•••";
    return email.substr(0, 1) + "•••" + email.substr(at);
}

Response page(const Request& request, WebApp& app, int status, const std::string& name, mstch::map context) {
    context.emplace("csrf", request.csrf_token);
    Response response;
    response.status = status;
    response.body = render_page(app, request, PageMeta{"Activer l'espace de l'établissement", "orga"}, name, context);
    return response;
}

} // namespace

Response get_activation(const Request& request, WebApp& app) {
    return page(request, app, 200, "activation", mstch::map{});
}

Response post_activation(const Request& request, WebApp& app) {
    organizations::RequestActivation command{request.field("uai"), request.field("prenom"), request.field("nom")};
    auto requested = application::request_activation(app.services, command);
    if (!requested) {
        return page(request, app, http_status(requested.error().code), "activation",
                    mstch::map{{"error", french_message(requested.error().reason)},
                               {"uai", request.field("uai")},
                               {"prenom", request.field("prenom")},
                               {"nom", request.field("nom")}});
    }
    return page(request, app, 200, "activation",
                mstch::map{{"sent", true},
                           {"establishment", requested->establishment_name},
                           {"masked_email", masked(requested->official_email)}});
}

Response get_activation_confirm(const Request& request, WebApp& app) {
    return page(request, app, 200, "activation_confirm",
                mstch::map{{"token", request.query_param("jeton").value_or("")}});
}

Response post_activation_confirm(const Request& request, WebApp& app) {
    auto confirmed = application::confirm_activation(app.services, request.field("jeton"), actor_of(request));
    if (!confirmed)
        return page(request, app, http_status(confirmed.error().code), "activation_confirm",
                    mstch::map{{"token", request.field("jeton")}, {"error", french_message(confirmed.error().reason)}});
    // The Orga page says it worked and links to the new space.
    return Response::redirect("/orga?fait=activation&organisation=" + std::to_string(confirmed->organization_id));
}

} // namespace numeria::web
