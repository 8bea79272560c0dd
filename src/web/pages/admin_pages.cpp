#include "web/pages/admin_pages.hpp"

#include "application/organizations/team.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/page.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

Response organizations_page(const Request& request, WebApp& app, int status, const std::string& message,
                            const std::string& error) {
    mstch::array rows;
    for (const auto& organization : application::list_organizations(app.services))
        rows.push_back(mstch::map{{"id", std::to_string(organization.id)},
                                  {"name", organization.name},
                                  {"type", std::string(organizations::type_code(organization.type))},
                                  {"uai", organization.uai.value_or("—")},
                                  {"manages_students", std::string(organization.manages_students ? "oui" : "non")}});
    mstch::map context{{"csrf", request.csrf_token},
                       {"organizations", rows},
                       {"count", std::to_string(rows.size())},
                       {"name", request.field("nom")},
                       {"uai", request.field("uai")}};
    if (!message.empty())
        context.emplace("message", message);
    if (!error.empty())
        context.emplace("error", error);
    Response response;
    response.status = status;
    response.body =
        render_page(app, request, PageMeta{"Administration — organisations", ""}, "admin_organizations", context);
    return response;
}

} // namespace

Response get_admin_organizations(const Request& request, WebApp& app) {
    return organizations_page(request, app, 200, request.query_param("creee") ? "L'organisation a été créée." : "", "");
}

Response post_admin_organization(const Request& request, WebApp& app) {
    auto type = organizations::parse_type(request.field("type"));
    if (!type)
        return organizations_page(request, app, 400, "", "Choisissez un type d'organisation.");
    Result<organizations::OrganizationId> created =
        application::create_organization(app.services, {*type, request.field("nom"), request.field("uai")});
    if (!created)
        return organizations_page(request, app, http_status(created.error().code), "",
                                  french_message(created.error().reason));
    return Response::redirect("/admin/organisations?creee=1");
}

} // namespace numeria::web
