// class_credentials_pages.cpp: a class's credentials batch in Orga (docs/rules/accounts.md "Class
// credentials batches"): the confirmation that names who gets a new password, the start (POST,
// then a redirect to the batch), the batch's page with its progress, and its sheet as CSV or PDF,
// the same passwords at every download until the class's next batch.
#include "application/learners/class_credentials.hpp"
#include "web/class_sheet.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/page.hpp"
#include "web/pages/students_pages.hpp"
#include "web/request_actor.hpp"
#include "web/web_app.hpp"

#include <nlohmann/json.hpp>

namespace numeria::web {

namespace {

using organizations::CredentialPlan;

std::string students_path(const Request& request) {
    return "/orga/" + std::to_string(request.organization_id) + "/eleves";
}

std::string batch_path(const Request& request, long long batch) {
    return students_path(request) + "/identifiants/lots/" + std::to_string(batch);
}

std::optional<long long> batch_param(const Request& request) {
    const std::string& raw = request.params.at("batch_id");
    if (raw.empty() || raw.size() > 18 || raw.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(raw);
}

std::string refusal_text(const std::string& code, const std::string& division) {
    if (code == "credentials.class_unknown")
        return "La classe « " + division +
               " » n'existe pas parmi vos élèves actifs : aucun identifiant n'a été généré.";
    if (code == "credentials.nobody")
        return "Aucun élève de la classe n'aurait reçu de mot de passe : rien n'a été généré. Cochez les élèves "
               "qui ont choisi leur mot de passe pour le remplacer.";
    if (code == "credentials.class_missing")
        return "Choisissez une classe dans le filtre « Classe » avant de générer des identifiants : ils ne sont "
               "jamais générés pour tout l'établissement à la fois.";
    return "Les identifiants n'ont pas pu être générés. Réessayez dans un instant.";
}

std::string skipped_reason(const std::string& code) {
    if (code == "learner.disabled")
        return "élève désactivé depuis";
    if (code == "learner.birthdate_missing")
        return "pas de date de naissance";
    if (code == "learner.account_has_email")
        return "se connecte désormais avec son adresse e-mail";
    if (code == "batch.replaced")
        return "lot remplacé par un plus récent";
    return "génération interrompue";
}

std::string impossible_reason(const organizations::LearnerRow& row) {
    return row.learner.disabled ? "élève désactivé" : "pas de date de naissance dans la base élèves";
}

std::string file_safe(const std::string& text) {
    std::string safe;
    for (char c : text)
        safe += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    return safe;
}

mstch::map batch_summary(const Request& request, const organizations::CredentialBatch& batch) {
    return mstch::map{
        {"href", batch_path(request, batch.id)},
        {"when", paris_time(batch.created_at)},
        {"by", batch.created_by_name.empty() ? std::string("un ancien membre") : batch.created_by_name},
        {"issued", std::to_string(batch.issued)},
        {"total", std::to_string(batch.total)},
        {"running", batch.state == organizations::BatchState::Running},
        {"done", batch.state == organizations::BatchState::Done},
    };
}

} // namespace

Response get_class_credentials(const Request& request, WebApp& app) {
    const std::string division = request.query_param("classe").value_or("").substr(0, 100);
    auto plan = application::plan_class_credentials(app.services, request.organization_id, division);
    if (!plan) {
        // No class chosen, or not one of the school's: back to the list, which says why.
        return Response::redirect(students_path(request) +
                                  "?refus=" + (division.empty() ? "credentials.class_missing" : plan.error().reason) +
                                  "&classe=" + percent_encode(division));
    }
    mstch::array fresh, chosen, email, impossible;
    for (const application::PlannedPupil& pupil : plan->pupils) {
        const organizations::LearnerRecord& r = pupil.row.learner.record;
        mstch::map item{{"id", std::to_string(pupil.row.learner.id)},
                        {"name", r.last_name + " " + r.first_name},
                        {"username", pupil.row.account_username}};
        switch (pupil.plan) {
        case CredentialPlan::NewAccount:
            item.emplace("what", std::string("compte créé, identifiant et mot de passe provisoire"));
            fresh.push_back(item);
            break;
        case CredentialPlan::NewPassword:
            item.emplace("what", std::string("nouveau mot de passe provisoire"));
            fresh.push_back(item);
            break;
        case CredentialPlan::ChosenPassword:
            chosen.push_back(item);
            break;
        case CredentialPlan::EmailAccount:
            email.push_back(item);
            break;
        case CredentialPlan::NotPossible:
            item.emplace("what", impossible_reason(pupil.row));
            impossible.push_back(item);
            break;
        }
    }
    mstch::map context{
        {"base", students_path(request)},
        {"csrf", request.csrf_token},
        {"division", plan->division},
        {"division_query", percent_encode(plan->division)},
        {"organization", plan->organization.name},
        {"fresh", fresh},
        {"fresh_count", std::to_string(fresh.size())},
        {"has_fresh", !fresh.empty()},
        {"chosen", chosen},
        {"has_chosen", !chosen.empty()},
        {"email", email},
        {"has_email", !email.empty()},
        {"impossible", impossible},
        {"has_impossible", !impossible.empty()},
        {"can_generate", !fresh.empty() || !chosen.empty()},
    };
    if (plan->latest)
        context.emplace("latest", batch_summary(request, *plan->latest));
    if (auto refused = request.query_param("refus"))
        context.emplace("refusal", refusal_text(*refused, plan->division));
    Response response;
    response.body = render_page(app, request, PageMeta{"Identifiants de la classe " + plan->division, "orga"},
                                "class_credentials", context);
    return response;
}

Response post_class_credentials(const Request& request, WebApp& app) {
    const std::string division = request.field("classe").substr(0, 100);
    std::set<organizations::LearnerId> ticked;
    for (const auto& [name, value] : request.form) {
        const std::string id = name.rfind("inclure-", 0) == 0 ? name.substr(8) : std::string();
        if (value == "1" && !id.empty() && id.size() < 18 && id.find_first_not_of("0123456789") == std::string::npos)
            ticked.insert(std::stoll(id));
    }
    auto started = application::start_class_credentials(app.services, request.organization_id, division, ticked,
                                                        actor_of(request));
    // After a refused POST, a redirect too: a reload never posts the form again.
    if (!started && started.error().reason == "credentials.class_unknown")
        return Response::redirect(students_path(request) + "?refus=" +
                                  (division.empty() ? "credentials.class_missing" : started.error().reason) +
                                  "&classe=" + percent_encode(division));
    if (!started)
        return Response::redirect(students_path(request) + "/identifiants?classe=" + percent_encode(division) +
                                  "&refus=" + started.error().reason);
    return Response::redirect(batch_path(request, started->id) + (started->already_running ? "?deja=1" : ""));
}

Response get_credential_batch(const Request& request, WebApp& app) {
    auto id = batch_param(request);
    auto view = id ? application::view_credential_batch(app.services, request.organization_id, *id, false)
                   : Result<application::CredentialBatchView>(fail(Error::not_found("credentials.batch_not_found")));
    if (!view) {
        Response response;
        response.status = 404;
        response.body = render_page(app, request, PageMeta{"Lot d'identifiants introuvable", "orga"}, "student_missing",
                                    mstch::map{{"base", students_path(request)}});
        return response;
    }
    const organizations::CredentialBatch& batch = view->batch;
    mstch::array lines;
    int skipped = 0;
    for (const organizations::CredentialBatchLine& line : view->lines) {
        std::string state = "en attente";
        if (line.outcome == organizations::LineOutcome::Issued)
            state = line.password_changed ? "mot de passe choisi par l'élève depuis" : "mot de passe provisoire";
        if (line.outcome == organizations::LineOutcome::Skipped) {
            state = "non généré : " + skipped_reason(line.reason);
            ++skipped;
        }
        lines.push_back(mstch::map{{"last_name", line.last_name},
                                   {"first_name", line.first_name},
                                   {"username", line.username},
                                   {"state", state}});
    }
    mstch::map context = batch_summary(request, batch);
    context.emplace("base", students_path(request));
    context.emplace("division", batch.division);
    context.emplace("division_query", percent_encode(batch.division));
    context.emplace("organization", view->organization.name);
    context.emplace("lines", lines);
    context.emplace("replaced", batch.state == organizations::BatchState::Replaced);
    context.emplace("skipped", skipped > 0 ? std::to_string(skipped) : std::string());
    context.emplace("percent",
                    std::to_string(batch.total == 0 ? 100 : (batch.total - batch.pending) * 100 / batch.total));
    context.emplace("already_running", request.query_param("deja").has_value());
    Response response;
    response.body = render_page(app, request,
                                PageMeta{"Identifiants de la classe " + batch.division, "orga", "credentials-batch.js"},
                                "credential_batch", context);
    return response;
}

Response get_credential_batch_state(const Request& request, WebApp& app) {
    auto id = batch_param(request);
    auto view = id ? application::view_credential_batch(app.services, request.organization_id, *id, false)
                   : Result<application::CredentialBatchView>(fail(Error::not_found("credentials.batch_not_found")));
    if (!view)
        return Response::json(404, nlohmann::json{{"error", "credentials.batch_not_found"}}.dump());
    const organizations::CredentialBatch& batch = view->batch;
    const char* state = batch.state == organizations::BatchState::Running ? "RUNNING"
                        : batch.state == organizations::BatchState::Done  ? "DONE"
                                                                          : "REPLACED";
    return Response::json(
        200, nlohmann::json{{"state", state}, {"total", batch.total}, {"done", batch.total - batch.pending}}.dump());
}

Response get_credential_batch_file(const Request& request, WebApp& app) {
    auto id = batch_param(request);
    auto view = id ? application::view_credential_batch(app.services, request.organization_id, *id, true)
                   : Result<application::CredentialBatchView>(fail(Error::not_found("credentials.batch_not_found")));
    if (!view)
        return get_credential_batch(request, app);
    if (view->batch.state != organizations::BatchState::Done)
        return Response::redirect(batch_path(request, view->batch.id)); // still running, or replaced: no sheet
    const bool pdf = request.path.size() > 4 && request.path.compare(request.path.size() - 4, 4, ".pdf") == 0;
    // Rule: docs/rules/accounts.md "Pupils' credentials": YYYYMMDD_HHmm_identifiants_<classe>, the
    // time of the batch (Europe/Paris): every download of one batch has the same name.
    const std::string name =
        paris_file_stamp(view->batch.created_at) + "_identifiants_" + file_safe(view->batch.division);
    Response response;
    if (pdf) {
        response.content_type = "application/pdf";
        response.body = class_sheet_pdf(view->organization.name, view->batch.division, view->sheet, app.public_url());
        response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
    } else {
        response.content_type = "text/csv; charset=utf-8";
        response.body = class_sheet_csv(view->sheet);
        response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace numeria::web
