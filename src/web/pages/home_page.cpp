#include "web/pages/home_page.hpp"

#include "web/dispatch.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/page.hpp"
#include "web/web_app.hpp"

#include <map>

namespace numeria::web {

Response get_home(const Request& request, WebApp& app) {
    Response response;
    response.body = render_page(app, request, PageMeta{"Accueil", ""}, "home", mstch::map{});
    return response;
}

namespace {

// "Mon espace": the account of the signed-in person, and the outcome of a password change.
void add_account(const Request& request, mstch::map& context) {
    static const std::map<std::string, std::string> done = {
        {"mot-de-passe", "Votre mot de passe a été changé."},
        {"mot-de-passe-choisi", "Votre nouveau mot de passe est enregistré : utilisez-le à votre prochaine "
                                "connexion."},
    };
    auto found = done.find(request.query_param("fait").value_or(""));
    if (found != done.end())
        context.emplace("success", found->second);
    // The account comes with the caller (one query for the whole page).
    const Viewer& viewer = *request.viewer;
    context.emplace("account", mstch::map{{"first_name", viewer.first_name},
                                          {"last_name", viewer.last_name},
                                          {"email", viewer.email.value_or("")},
                                          {"username", viewer.username.value_or("")}});
}

// Orga after an activation: the activated space, if the viewer is now a member of it.
void add_activation(const Request& request, mstch::map& context) {
    if (request.query_param("fait").value_or("") != "activation")
        return;
    const std::string activated = request.query_param("organisation").value_or("");
    for (const application::ViewerMembership& membership : request.viewer->memberships) {
        if (std::to_string(membership.organization_id) != activated)
            continue;
        context.emplace(
            "activated",
            mstch::map{{"name", membership.name}, {"of_name", of_name(membership.name)}, {"id", activated}});
        return;
    }
}

} // namespace

Response get_space(const Request& request, WebApp& app) {
    struct Space {
        const char* slug;
        const char* title;
        const char* audience;
        const char* summary;
    };
    static const Space spaces[] = {
        {"mon-espace", "Mon espace", "Élèves",
         "Rejoignez une campagne avec le code donné par votre enseignant, répondez aux questions à votre "
         "rythme, consultez vos résultats et votre profil de compétences, puis passez la certification."},
        {"orga", "Orga", "Établissements : direction, référents et enseignants",
         "Activez l'espace de l'établissement, importez la base élèves depuis SIECLE, créez les campagnes de "
         "rentrée et suivez la participation et les résultats de vos classes."},
        {"certif", "Certif", "Centres de certification : référents et surveillants",
         "Organisez les sessions de certification, inscrivez les candidats, surveillez les épreuves en direct, "
         "finalisez les sessions et publiez les résultats."},
    };
    const std::string slug = request.path.substr(1);
    for (const Space& space : spaces) {
        if (slug != space.slug)
            continue;
        mstch::array organizations;
        if (request.viewer && slug == "orga") {
            for (const application::ViewerMembership& membership : request.viewer->memberships)
                if (!membership.archived)
                    organizations.push_back(mstch::map{
                        {"name", membership.name},
                        {"id", std::to_string(membership.organization_id)},
                        {"type", type_label(membership.type)},
                        {"role",
                         std::string(membership.role == organizations::Role::Admin ? "Administrateur" : "Membre")}});
        }
        mstch::map context{{"space_title", std::string(space.title)},
                           {"audience", std::string(space.audience)},
                           {"summary", std::string(space.summary)},
                           {"signed_in", request.viewer.has_value()},
                           {"first_name", request.viewer ? request.viewer->first_name : ""},
                           {"is_orga", slug == "orga"},
                           {"organizations", organizations},
                           {"has_organizations", !organizations.empty()}};
        if (request.viewer && slug == "mon-espace")
            add_account(request, context);
        if (request.viewer && slug == "orga")
            add_activation(request, context);
        Response response;
        response.body = render_page(app, request, PageMeta{space.title, space.slug}, "space", context);
        return response;
    }
    return error_response(app, 404, request);
}

Response get_terms(const Request& request, WebApp& app) {
    Response response;
    response.body = render_page(app, request, PageMeta{"Conditions d'utilisation", ""}, "terms", mstch::map{});
    return response;
}

} // namespace numeria::web
