// students_import_pages.cpp: importing the student base in Orga (docs/rules/student-import.md): the
// page with its upload form and history; the upload (raw body, stored for the background worker);
// the state the progress banner polls; confirming or cancelling an import that would disable more
// than half of the pupils; the current list as CSV, to keep before a new school year.
#include "application/learners/imports.hpp"
#include "application/organizations/team.hpp"
#include "organizations/use_cases/import_learners.hpp"
#include "web/error_mapping.hpp"
#include "web/import_messages.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/page.hpp"
#include "web/pages/students_pages.hpp"
#include "web/web_app.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

namespace numeria::web {

namespace {

std::string base_path(const Request& request) {
    return "/orga/" + std::to_string(request.organization_id) + "/eleves";
}

const char* state_label(const std::string& state) {
    if (state == "UPLOADED")
        return "Fichier reçu, vérification en attente";
    if (state == "VALIDATED")
        return "Fichier vérifié";
    if (state == "VALIDATION_ERROR")
        return "Fichier refusé";
    if (state == "IMPORTED")
        return "Import terminé";
    if (state == "IMPORT_ERROR")
        return "Échec de l'import";
    if (state == "CANCELLED")
        return "Import annulé";
    return "Inconnu";
}

// The import's state and outcome as the banner reads them.
nlohmann::json import_state_json(const organizations::LearnerImport& import) {
    nlohmann::json outcome =
        import.outcome.empty() ? nlohmann::json::object() : with_import_messages(nlohmann::json::parse(import.outcome));
    const bool waiting =
        import.state == "VALIDATED" && outcome.value("status", "") == "CONFIRMATION_REQUIRED" && !import.confirmed;
    const bool finished = import.state == "IMPORTED" || import.state == "VALIDATION_ERROR" ||
                          import.state == "IMPORT_ERROR" || import.state == "CANCELLED" || waiting;
    return {{"id", import.id},
            {"state", import.state},
            {"label", state_label(import.state)},
            {"finished", finished},
            {"confirmation_required", waiting},
            {"outcome", outcome}};
}

std::optional<organizations::Organization> find_organization(WebApp& app, std::int64_t id) {
    auto organization = application::find_organization(app.services, id);
    return organization ? std::optional(*organization) : std::nullopt;
}

std::optional<long long> import_id(const Request& request) {
    const std::string& raw = request.params.at("import_id");
    if (raw.empty() || raw.size() > 18 || raw.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(raw);
}

std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

Response get_students_import(const Request& request, WebApp& app) {
    std::optional<organizations::Organization> organization = find_organization(app, request.organization_id);
    const std::vector<organizations::LearnerImport> imports =
        application::list_imports(app.services, request.organization_id, 20);
    mstch::array history;
    // Rule: docs/rules/student-import.md "Import states": a page opened while an import runs (or waits
    // for its confirmation) follows it, as after an upload.
    std::string running;
    if (!imports.empty() && (imports.front().state == "UPLOADED" || imports.front().state == "VALIDATED"))
        running = base_path(request) + "/imports/" + std::to_string(imports.front().id);
    for (const organizations::LearnerImport& import : imports) {
        const nlohmann::json state = import_state_json(import);
        const nlohmann::json& outcome = state["outcome"];
        std::string summary;
        if (import.state == "IMPORTED")
            summary = std::to_string(outcome.value("imported", 0)) + " ajouté(s), " +
                      std::to_string(outcome.value("updated", 0)) + " mis à jour, " +
                      std::to_string(outcome.value("disabled", 0)) + " désactivé(s), " +
                      std::to_string(outcome.value("skipped", 0)) + " ignoré(s)";
        // Rule: docs/rules/student-import.md "Account inheritance": notices stay visible afterwards.
        if (import.state == "IMPORTED" && outcome.value("notice_count", 0) > 0 && outcome.contains("notices") &&
            !outcome["notices"].empty())
            summary += " ; " + std::to_string(outcome.value("notice_count", 0)) +
                       " remarque(s) : " + outcome["notices"][0].value("message", "");
        else if (outcome.contains("errors") && !outcome["errors"].empty())
            summary = std::to_string(outcome.value("error_count", outcome["errors"].size())) +
                      " erreur(s) : " + outcome["errors"][0].value("message", "");
        else if (state["confirmation_required"].get<bool>())
            summary = "En attente de confirmation";
        history.push_back(mstch::map{{"when", paris_time(import.created_at)},
                                     {"file", import.file_name},
                                     {"format", french_import_format(import.format)},
                                     {"state", std::string(state_label(import.state))},
                                     {"summary", summary}});
    }
    const bool sco = organization && organization->type == organizations::OrganizationType::Sco;
    const bool agri = organization && organization->type == organizations::OrganizationType::ScoAgri;
    const bool sup = organization && organization->type == organizations::OrganizationType::Sup;
    mstch::map context{{"base", base_path(request)},
                       {"org_id", std::to_string(request.organization_id)},
                       {"organization", organization ? organization->name : std::string()},
                       {"csrf", request.csrf_token},
                       {"history", history},
                       {"has_history", !history.empty()},
                       {"running", running},
                       {"sco", sco},
                       {"agri", agri},
                       {"sup", sup},
                       {"manages_students", organization && organization->manages_students},
                       {"max_bytes", std::to_string(organizations::MAX_IMPORT_BYTES)}};
    Response response;
    response.body = render_page(app, request, PageMeta{"Importer la liste des élèves", "orga", "students-import.js"},
                                "students_import", context);
    return response;
}

Response post_students_import(const Request& request, WebApp& app) {
    // The server streamed the file to disk while it arrived (docs/rules/security.md "Large bodies").
    const std::string bytes = request.body_file.empty() ? request.body : read_whole_file(request.body_file);
    std::string file_name = request.header("x-file-name").value_or("fichier");
    file_name = percent_decode(file_name, false).value_or("fichier").substr(0, 200);
    application::ImportUpload upload{request.organization_id, request.query_param("format").value_or(""), file_name,
                                     request.viewer->user_id};
    Result<long long> id = application::submit_import(app.services, upload, bytes);
    if (!id)
        return error_json(id.error());
    return Response::json(202, nlohmann::json{{"id", *id},
                                              {"state", "UPLOADED"},
                                              {"state_url", base_path(request) + "/imports/" + std::to_string(*id)}}
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response get_students_import_state(const Request& request, WebApp& app) {
    std::optional<organizations::LearnerImport> import;
    if (auto id = import_id(request))
        if (auto found = application::find_import(app.services, request.organization_id, *id))
            import = std::move(*found);
    if (!import)
        return error_json(404, "import.not_found", french_message("import.not_found"));
    return Response::json(200,
                          import_state_json(*import).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response post_students_import_confirm(const Request& request, WebApp& app) {
    auto id = import_id(request);
    if (!id || !application::confirm_import(app.services, request.organization_id, *id))
        return error_json(409, "import.not_waiting", french_message("import.not_waiting"));
    return Response::json(202, nlohmann::json{{"state", "VALIDATED"}, {"confirmed", true}}.dump(
                                   -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response post_students_import_cancel(const Request& request, WebApp& app) {
    auto id = import_id(request);
    if (!id || !application::cancel_import(app.services, request.organization_id, *id))
        return error_json(409, "import.not_waiting", french_message("import.not_waiting"));
    return Response::json(
        200, nlohmann::json{{"state", "CANCELLED"}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace numeria::web
