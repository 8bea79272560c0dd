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

    mstch::array spaces;
    const std::pair<const char*, const char*> links[] = {
        {"mon-espace", "Mon espace"}, {"orga", "Orga"}, {"certif", "Certif"}};
    for (const auto& [slug, label] : links) {
        spaces.push_back(mstch::map{
            {"href", "/" + std::string(slug)}, {"label", std::string(label)}, {"current", meta.active_space == slug}});
    }
    mstch::map layout{{"title", meta.title},       {"body", body},     {"dsfr", dsfr},
                      {"app_assets", own},         {"spaces", spaces}, {"version", app.config.version},
                      {"csrf", request.csrf_token}};
    if (request.viewer) {
        layout.emplace("viewer_name", request.viewer->first_name + " " + request.viewer->last_name);
        layout.emplace("national_admin", request.viewer->national_admin);
    }
    return app.templates.render("layout", layout);
}

} // namespace numeria::web
