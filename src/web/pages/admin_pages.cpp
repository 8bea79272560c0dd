#include "web/pages/admin_pages.hpp"

#include "application/organizations/team.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/page.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

Response organizations_page(const Request& request, WebApp& app, const std::string& message, const std::string& error) {
    mstch::array rows;
    for (const auto& organization : application::list_organizations(app.services))
        rows.push_back(mstch::map{{"id", std::to_string(organization.id)},
                                  {"name", organization.name},
                                  {"type", type_label(organization.type)},
                                  {"uai", organization.uai.value_or("—")},
                                  {"manages_students", std::string(organization.manages_students ? "oui" : "non")}});
    mstch::map context{{"csrf", request.csrf_token},
                       {"organizations", rows},
                       {"count", std::to_string(rows.size())},
                       {"name", request.query_param("nom").value_or("").substr(0, 200)},
                       {"uai", request.query_param("uai").value_or("").substr(0, 20)}};
    if (!message.empty())
        context.emplace("message", message);
    if (!error.empty())
        context.emplace("error", error);
    Response response;
    response.body =
        render_page(app, request, PageMeta{"Administration — organisations", ""}, "admin_organizations", context);
    return response;
}

} // namespace

Response get_admin_organizations(const Request& request, WebApp& app) {
    const std::string refused = request.query_param("refus").value_or("");
    return organizations_page(request, app, request.query_param("creee") ? "L'organisation a été créée." : "",
                              refused == "type" ? "Choisissez un type d'organisation."
                              : refused.empty() ? ""
                                                : french_message(refused));
}

Response post_admin_organization(const Request& request, WebApp& app) {
    // A refusal redirects to the form (a reload never posts again), which keeps what was typed.
    auto refuse = [&](const std::string& why) {
        return Response::redirect("/admin/organisations?refus=" + why + "&nom=" + percent_encode(request.field("nom")) +
                                  "&uai=" + percent_encode(request.field("uai")) + "#erreur-formulaire");
    };
    auto type = organizations::parse_type(request.field("type"));
    if (!type)
        return refuse("type");
    Result<organizations::OrganizationId> created =
        application::create_organization(app.services, {*type, request.field("nom"), request.field("uai")});
    if (!created)
        return refuse(created.error().reason);
    return Response::redirect("/admin/organisations?creee=1");
}

} // namespace numeria::web
