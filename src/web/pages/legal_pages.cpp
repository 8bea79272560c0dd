#include "web/pages/legal_pages.hpp"

#include "web/pages/page.hpp"
#include "web/web_app.hpp"

#include <string>

namespace numeria::web {

namespace {

// Rule: docs/rules/web.md "Legal pages": a value the operator left empty is shown as a visible
// placeholder naming what is missing, never as an empty line.
mstch::map field(const std::string& value, const std::string& what, bool email = false) {
    const bool missing = value.empty();
    mstch::map shown{{"text", missing ? "[à compléter par l'hébergeur : " + what + "]" : value},
                     {"missing", missing},
                     {"href", std::string()}};
    if (email && !missing)
        shown["href"] = "mailto:" + value;
    return shown;
}

// Every value of the site file, by the name the templates use.
mstch::map site_context(const WebApp& app) {
    const SiteInfo& site = app.config.site;
    return mstch::map{
        {"publisher_name", field(site.publisher_name, "nom de l'éditeur (établissement ou académie)")},
        {"publisher_address", field(site.publisher_address, "adresse postale de l'éditeur")},
        {"publication_director", field(site.publication_director, "directeur ou directrice de la publication")},
        {"host_name", field(site.host_name, "nom de l'hébergeur")},
        {"host_address", field(site.host_address, "adresse de l'hébergeur")},
        {"host_phone", field(site.host_phone, "téléphone de l'hébergeur")},
        {"accessibility_email", field(site.accessibility_email, "adresse e-mail de contact accessibilité", true)},
        {"personal_data_email",
         field(site.personal_data_email, "adresse e-mail de contact données personnelles", true)},
        {"dpo_name", field(site.dpo_name, "nom du délégué à la protection des données")},
        {"dpo_email", field(site.dpo_email, "adresse e-mail du délégué à la protection des données", true)},
        {"statement_date", field(site.accessibility_statement_date, "date de la déclaration")},
        {"data_retention",
         field(site.data_retention, "durées de conservation fixées par le responsable de traitement")},
        {"site_url", app.public_url()},
        {"version", app.config.version},
    };
}

Response legal_page(const Request& request, WebApp& app, const std::string& title, const std::string& name) {
    Response response;
    response.body = render_page(app, request, PageMeta{title, ""}, name, site_context(app));
    return response;
}

} // namespace

Response get_accessibility_statement(const Request& request, WebApp& app) {
    return legal_page(request, app, "Déclaration d'accessibilité", "accessibility");
}

Response get_legal_notice(const Request& request, WebApp& app) {
    return legal_page(request, app, "Mentions légales", "legal_notice");
}

Response get_personal_data(const Request& request, WebApp& app) {
    return legal_page(request, app, "Données personnelles", "personal_data");
}

} // namespace numeria::web
