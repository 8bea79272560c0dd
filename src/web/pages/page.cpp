#include "web/pages/page.hpp"

#include "web/web_app.hpp"

namespace numeria::web {

std::string render_page(const WebApp& app, const Request& request, const PageMeta& meta,
                        const std::string& template_name, mstch::map context) {
    const std::string dsfr = app.assets.prefix("dsfr");
    const std::string own = app.assets.prefix("app");
    context.emplace("dsfr", dsfr);
    context.emplace("app_assets", own);
    std::string body = app.templates.render(template_name, context);

    // Rule: docs/rules/organizations.md "The team": a user in several organisations switches from
    // the header: the Orga entry of the menu lists the viewer's organisations.
    mstch::array organizations;
    if (request.viewer) {
        for (const application::ViewerMembership& membership : request.viewer->memberships)
            if (!membership.archived)
                organizations.push_back(
                    mstch::map{{"href", "/orga/" + std::to_string(membership.organization_id) + "/equipe"},
                               {"name", membership.name},
                               {"current", membership.organization_id == request.organization_id}});
    }
    mstch::array spaces;
    const std::pair<const char*, const char*> links[] = {
        {"mon-espace", "Mon espace"}, {"orga", "Orga"}, {"certif", "Certif"}};
    for (const auto& [slug, label] : links) {
        mstch::map space{
            {"href", "/" + std::string(slug)}, {"label", std::string(label)}, {"current", meta.active_space == slug}};
        if (std::string_view(slug) == "orga" && !organizations.empty()) {
            space.emplace("organizations", organizations);
            space.emplace("has_menu", true);
        }
        spaces.push_back(space);
    }
    mstch::map layout{{"title", meta.title},
                      {"body", body},
                      {"dsfr", dsfr},
                      {"dsfr_pages", app.assets.prefix("dsfr_pages")},
                      {"app_assets", own},
                      {"spaces", spaces},
                      {"csrf", request.csrf_token}};
    if (!meta.script.empty())
        layout.emplace("page_script", own + "/" + meta.script);
    if (request.viewer) {
        layout.emplace("viewer_name", request.viewer->first_name + " " + request.viewer->last_name);
        layout.emplace("national_admin", request.viewer->national_admin);
        // Rule: docs/rules/security.md "Operations endpoints": the version is shown to signed-in users only.
        layout.emplace("version", app.config.version);
    }
    return app.templates.render("layout", layout);
}

} // namespace numeria::web
