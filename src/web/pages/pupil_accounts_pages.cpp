// pupil_accounts_pages.cpp: credentials of pupils without e-mail (docs/rules/accounts.md
// "Pupils' credentials"): for one pupil
// (shown once on the pupil's page) or for a whole class (downloaded as CSV or printable PDF), and the
// dissociation of a wrongly linked account.
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

std::string message_for(const Error& error) {
    if (error.reason == "learner.disabled")
        return "Cet élève est désactivé : réactivez-le par un nouvel import avant de lui donner des identifiants.";
    if (error.reason == "learner.birthdate_missing")
        return "Cet élève n'a pas de date de naissance : impossible de construire son identifiant.";
    return "Les identifiants n'ont pas pu être générés. Réessayez.";
}

// YYYYMMDD_HHmm in Europe/Paris (ARCHITECTURE.md "Time"), from paris_time's "dd/mm/yyyy HH:MM".
std::string timestamp_for_file(EpochMs now) {
    const std::string paris = paris_time(now);
    return paris.substr(6, 4) + paris.substr(3, 2) + paris.substr(0, 2) + "_" + paris.substr(11, 2) +
           paris.substr(14, 2);
}

std::string file_safe(const std::string& text) {
    std::string safe;
    for (char c : text)
        safe += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    return safe;
}

} // namespace

Response post_student_credentials(const Request& request, WebApp& app) {
    auto id = learner_id(request);
    Result<organizations::IssuedCredentials> issued =
        id ? application::issue_pupil_credentials(app.services, request.organization_id, *id)
           : Result<organizations::IssuedCredentials>(fail(Error::not_found("learner.not_found")));
    if (!issued && issued.error().reason == "learner.not_found")
        return get_student(request, app);
    if (!issued && issued.error().code == ErrorCode::Unavailable) {
        Response response = render_student(request, app, {{"refusal", french_message(issued.error().reason)}});
        response.status = 503;
        return response;
    }
    if (!issued) {
        Response response = render_student(request, app, {{"refusal", message_for(issued.error())}});
        response.status = 422;
        return response;
    }
    return render_student(
        request, app, {{"credentials", mstch::map{{"username", issued->username}, {"password", issued->password}}}});
}

namespace {

Response refuse_class(const Request& request, WebApp& app, const std::string& message) {
    Response response = render_students(request, app, {{"class_message", message}});
    response.status = 422;
    return response;
}

} // namespace

Response post_class_credentials(const Request& request, WebApp& app) {
    const std::string division = request.field("classe");
    const bool pdf = request.field("format") == "pdf";
    // Refused before anything is written: an empty class would mean "every pupil of the school".
    if (division.empty())
        return refuse_class(request, app,
                            "Choisissez une classe dans le filtre « Classe » avant de générer des identifiants : ils "
                            "ne sont jamais générés pour tout l'établissement à la fois.");
    Result<application::ClassCredentials> batch =
        application::issue_class_credentials(app.services, request.organization_id, division);
    if (!batch && batch.error().reason == "credentials.class_unknown")
        return refuse_class(request, app,
                            "La classe « " + division +
                                " » n'existe pas parmi vos élèves actifs : aucun identifiant "
                                "n'a été généré.");
    if (!batch) {
        Response response = refuse_class(request, app, french_message(batch.error().reason));
        response.status = 503;
        return response;
    }
    const std::vector<CredentialLine>& lines = batch->lines;
    const int with_email = batch->with_email;
    const int not_issued = batch->not_issued;
    const std::string& organization_name = batch->organization_name;
    if (lines.empty())
        return refuse_class(request, app,
                            "Aucun identifiant n'a été généré pour la classe « " + division + " » : " +
                                std::to_string(with_email) + " élève(s) se connectent avec leur adresse e-mail, " +
                                std::to_string(not_issued) + " élève(s) sans date de naissance ou sans compte valide.");
    // Rule: docs/rules/accounts.md "Pupils' credentials": the national platform names the batch file
    // YYYYMMDD_HHmm_organization_learners_password_reset.csv; we keep its time stamp (Europe/Paris) and
    // name the class in French: YYYYMMDD_HHmm_identifiants_<classe>.
    const std::string name = timestamp_for_file(app.clock.now()) + "_identifiants_" + file_safe(division);
    Response response;
    if (pdf) {
        std::string note;
        if (with_email > 0)
            note = std::to_string(with_email) + " élève(s) de la classe se connectent avec leur adresse e-mail : ils "
                                                "ne figurent pas sur ces fiches (lien « Mot de passe oublié »).";
        response.content_type = "application/pdf";
        response.body = class_sheet_pdf(organization_name, division, lines, note);
        response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
    } else {
        response.content_type = "text/csv; charset=utf-8";
        response.body = class_sheet_csv(lines);
        response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
    // For scripts and the page: how many pupils of the class were left out, and why.
    response.set_header("X-Numeria-Skipped-Email-Accounts", std::to_string(with_email));
    response.set_header("X-Numeria-Not-Issued", std::to_string(not_issued));
    return response;
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
    return render_student(request, app,
                          {{"message", std::string(done ? "Le compte a été dissocié de cet élève."
                                                        : "Aucun compte n'était lié à cet élève.")}});
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
                        "attachment; filename=\"" + timestamp_for_file(app.clock.now()) + "_eleves.csv\"");
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
