// pupil_accounts_pages.cpp: credentials of one pupil without e-mail (docs/rules/accounts.md
// "Pupils' credentials"), shown once on the pupil's page (a class's batch is
// class_credentials_pages.cpp), the dissociation of a wrongly linked account, and the students export.
#include "application/learners/students.hpp"
#include "web/class_sheet.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/students_pages.hpp"
#include "web/request_actor.hpp"
#include "web/web_app.hpp"

#include <algorithm>

namespace numeria::web {

namespace {

std::optional<organizations::LearnerId> learner_id(const Request& request) {
    const std::string& raw = request.params.at("learner_id");
    if (raw.empty() || raw.size() > 18 || raw.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(raw);
}

std::string student_path(const Request& request) {
    return "/orga/" + std::to_string(request.organization_id) + "/eleves/" + request.params.at("learner_id");
}

std::string message_for(const Error& error) {
    if (error.reason == "learner.disabled")
        return "Cet élève est désactivé : réactivez-le par un nouvel import avant de lui donner des identifiants.";
    if (error.reason == "learner.birthdate_missing")
        return "Cet élève n'a pas de date de naissance : impossible de construire son identifiant.";
    if (error.reason.rfind("password.", 0) == 0)
        return french_message(error.reason); // the server was too busy to hash: try again
    return "Les identifiants n'ont pas pu être générés. Réessayez.";
}

} // namespace

Response post_student_credentials(const Request& request, WebApp& app) {
    auto id = learner_id(request);
    Result<organizations::IssuedCredentials> issued =
        id ? application::issue_pupil_credentials(app.services, request.organization_id, *id, actor_of(request))
           : Result<organizations::IssuedCredentials>(fail(Error::not_found("learner.not_found")));
    if (!issued && issued.error().reason == "learner.not_found")
        return get_student(request, app);
    // A refusal is shown after a redirect: a reload never posts the form again.
    if (!issued)
        return Response::redirect(student_path(request) + "?refus=" + issued.error().reason);
    // The password is shown once, on this answer only (it is never stored in clear).
    return render_student(
        request, app, {{"credentials", mstch::map{{"username", issued->username}, {"password", issued->password}}}});
}

Response post_student_dissociate(const Request& request, WebApp& app) {
    auto id = learner_id(request);
    bool done = false;
    if (id) {
        auto dissociated =
            application::dissociate_account(app.services, request.organization_id, *id, actor_of(request));
        if (!dissociated)
            return get_student(request, app); // another school's pupil, or none: "introuvable"
        done = *dissociated;
    }
    return Response::redirect(student_path(request) + "?fait=" + (done ? "dissocie" : "aucun-compte"));
}

// The pupil's page, with a message from the redirect that followed an action (?fait=, ?refus=) and
// the confirmation asked before a destructive one (?confirmer=).
Response get_student_page(const Request& request, WebApp& app) {
    mstch::map extra;
    const std::string done = request.query_param("fait").value_or("");
    if (done == "dissocie")
        extra.emplace("message", std::string("Le compte a été dissocié de cet élève."));
    if (done == "aucun-compte")
        extra.emplace("message", std::string("Aucun compte n'était lié à cet élève."));
    if (auto refused = request.query_param("refus")) {
        Error error = Error::rule(*refused);
        extra.emplace("refusal", message_for(error));
    }
    const std::string confirm = request.query_param("confirmer").value_or("");
    if (confirm == "identifiant" || confirm == "dissocier")
        extra.emplace("confirm_" + confirm, true);
    return render_student(request, app, extra);
}

namespace {

// One line of the students export (dates dd/mm/yyyy, Europe/Paris for the certificability's instant).
std::string student_csv_line(const organizations::LearnerRow& row) {
    const organizations::Learner& learner = row.learner;
    const std::string certificability = !learner.certifiable   ? "Non communiqué"
                                        : *learner.certifiable ? "Certifiable"
                                                               : "Non certifiable";
    return csv_field(learner.record.key) + ";" + csv_field(learner.record.last_name) + ";" +
           csv_field(learner.record.first_name) + ";" + french_date(learner.record.birthdate) + ";" +
           csv_field(learner.record.division) + ";" + certificability + ";" +
           (learner.certifiable_at ? paris_date(*learner.certifiable_at) : "") + ";" +
           (learner.disabled ? "Désactivé" : "Actif") + "\r\n";
}

} // namespace

// The export is streamed 500 pupils at a time (chunked transfer, docs/adr/0009): memory stays flat
// whatever the size
// of the school.
Response get_students_csv(const Request& request, WebApp& app) {
    constexpr int BATCH = 500;
    organizations::LearnerQuery query;
    query.organization = request.organization_id;
    query.state = "tous";
    query.sort = "classe";
    query.page_size = BATCH;
    query.page = 1;
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + paris_file_stamp(app.clock.now()) + "_eleves.csv\"");
    response.stream = [&app, query, header = true](std::string& out) mutable {
        if (header) {
            header = false;
            out = "\xEF\xBB\xBF"
                  "INE ou identifiant;Nom;Prénom;Date de naissance;Classe;Certificabilité;Date de "
                  "certificabilité;État\r\n";
            return true;
        }
        const std::vector<organizations::LearnerRow> rows = application::all_students(app.services, query);
        ++query.page;
        for (const organizations::LearnerRow& row : rows)
            out += student_csv_line(row);
        return rows.size() == static_cast<std::size_t>(BATCH);
    };
    return response;
}

} // namespace numeria::web
