#include "web/pages/page.hpp"

#include "web/web_app.hpp"

namespace numeria::web {

namespace {

// Rule: docs/rules/organizations.md "Orga pages": the same tabs on every page of an organisation,
// the current one marked (aria-current="page" on the tab's own page, "true" on its sub-pages).
std::string orga_navigation(const WebApp& app, const Request& request) {
    const std::string base = "/orga/" + std::to_string(request.organization_id);
    std::string name;
    if (request.viewer)
        for (const application::ViewerMembership& membership : request.viewer->memberships)
            if (membership.organization_id == request.organization_id)
                name = membership.name;
    mstch::array items;
    const std::tuple<const char*, const char*, bool> tabs[] = {
        {"eleves", "Élèves", false}, {"equipe", "Équipe", false}, {"journal", "Journal", true}};
    for (const auto& [slug, label, admins_only] : tabs) {
        if (admins_only && !request.organization_admin)
            continue;
        const std::string href = base + "/" + slug;
        const bool page = request.path == href;
        const bool section = !page && request.path.rfind(href + "/", 0) == 0;
        items.push_back(mstch::map{{"href", href},
                                   {"slug", std::string(slug)},
                                   {"label", std::string(label)},
                                   {"current_page", page},
                                   {"current_section", section}});
    }
    return app.templates.render("orga_nav", mstch::map{{"items", items}, {"organization", name}});
}

} // namespace

std::string render_page(const WebApp& app, const Request& request, const PageMeta& meta,
                        const std::string& template_name, mstch::map context) {
    const std::string dsfr = app.assets.prefix("dsfr");
    const std::string own = app.assets.prefix("app");
    context.emplace("dsfr", dsfr);
    context.emplace("app_assets", own);
    if (meta.active_space == "orga" && request.organization_id != 0)
        context.emplace("orga_nav", orga_navigation(app, request));
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
