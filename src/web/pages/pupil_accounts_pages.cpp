// pupil_accounts_pages.cpp: credentials of pupils without e-mail (issue 5 item 7): for one pupil
// (shown once on the pupil's page) or for a whole class (downloaded as CSV or printable PDF), and the
// dissociation of a wrongly linked account.
#include "organizations/use_cases/pupil_credentials.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/organizations/sql_learner_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "web/class_sheet.hpp"
#include "web/pages/students_pages.hpp"
#include "web/web_app.hpp"

#include <ctime>

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

// Issues credentials inside the caller's transaction and links a newly created account.
Result<organizations::IssuedCredentials> issue_and_link(soci::session& sql, const organizations::Learner& learner,
                                                        WebApp& app) {
    storage::SqlUserRepository users(sql);
    auto issued = organizations::issue_credentials(learner, users, app.hasher, app.clock.now());
    if (issued && issued->account_created)
        storage::SqlLearnerRepository(sql).set_user(learner.id, issued->user_id, app.clock.now());
    return issued;
}

std::string timestamp_for_file(EpochMs now) {
    std::time_t seconds = static_cast<std::time_t>(now / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d_%H%M", &local);
    return text;
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
    Result<organizations::IssuedCredentials> issued = fail(Error::not_found("learner.not_found"));
    if (id)
        app.database.write_durable([&](soci::session& sql) {
            if (auto row = storage::SqlLearnerRepository(sql).find(request.organization_id, *id))
                issued = issue_and_link(sql, row->learner, app);
        });
    if (!issued && issued.error().reason == "learner.not_found")
        return get_student(request, app);
    if (!issued) {
        Response response = render_student(request, app, {{"message", message_for(issued.error())}});
        response.status = 422;
        return response;
    }
    return render_student(
        request, app, {{"credentials", mstch::map{{"username", issued->username}, {"password", issued->password}}}});
}

Response post_class_credentials(const Request& request, WebApp& app) {
    const std::string division = request.field("classe");
    const bool pdf = request.field("format") == "pdf";
    std::vector<CredentialLine> lines;
    std::string organization_name;
    app.database.write_durable([&](soci::session& sql) {
        storage::SqlLearnerRepository learners(sql);
        organizations::LearnerQuery query;
        query.organization = request.organization_id;
        query.division = division;
        query.page_size = 10000;
        for (const organizations::LearnerRow& row : learners.search(query).rows) {
            auto issued = issue_and_link(sql, row.learner, app);
            if (issued)
                lines.push_back({row.learner.record.division, row.learner.record.last_name,
                                 row.learner.record.first_name, issued->username, issued->password});
        }
        if (auto organization = storage::SqlOrganizationRepository(sql).find(request.organization_id))
            organization_name = organization->name;
    });
    if (division.empty() || lines.empty())
        return Response::redirect("/orga/" + std::to_string(request.organization_id) + "/eleves");
    // Rule: pix-reference.md §5: YYYYMMDD_HHmm_organization_learners_password_reset.csv.
    const std::string name = timestamp_for_file(app.clock.now()) + "_identifiants_" + file_safe(division);
    Response response;
    if (pdf) {
        response.content_type = "application/pdf";
        response.body = class_sheet_pdf(organization_name, division, lines);
        response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
    } else {
        response.content_type = "text/csv; charset=utf-8";
        response.body = class_sheet_csv(lines);
        response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
    return response;
}

Response post_student_dissociate(const Request& request, WebApp& app) {
    auto id = learner_id(request);
    bool done = false;
    if (id)
        app.database.write([&](soci::session& sql) {
            storage::SqlLearnerRepository learners(sql);
            if (auto row = learners.find(request.organization_id, *id); row && row->learner.user_id) {
                learners.set_user(*id, std::nullopt, app.clock.now());
                done = true;
            }
        });
    return render_student(request, app,
                          {{"message", std::string(done ? "Le compte a été dissocié de cet élève."
                                                        : "Aucun compte n'était lié à cet élève.")}});
}

Response get_students_csv(const Request& request, WebApp& app) {
    std::string csv = "\xEF\xBB\xBF"
                      "INE ou identifiant;Nom;Prénom;Date de naissance;Classe;Certificabilité;Date de "
                      "certificabilité;État\r\n";
    app.database.read([&](soci::session& sql) {
        organizations::LearnerQuery query;
        query.organization = request.organization_id;
        query.state = "tous";
        query.sort = "classe";
        query.page_size = 1000000;
        for (const organizations::LearnerRow& row : storage::SqlLearnerRepository(sql).search(query).rows) {
            const organizations::Learner& learner = row.learner;
            const std::string certificability = !learner.certifiable   ? "Non communiqué"
                                                : *learner.certifiable ? "Certifiable"
                                                                       : "Non certifiable";
            csv += csv_field(learner.record.key) + ";" + csv_field(learner.record.last_name) + ";" +
                   csv_field(learner.record.first_name) + ";" + csv_field(learner.record.birthdate) + ";" +
                   csv_field(learner.record.division) + ";" + certificability + ";" +
                   (learner.certifiable_at ? timestamp_for_file(*learner.certifiable_at).substr(0, 8) : "") + ";" +
                   (learner.disabled ? "Désactivé" : "Actif") + "\r\n";
        }
    });
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = csv;
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + timestamp_for_file(app.clock.now()) + "_eleves.csv\"");
    return response;
}

} // namespace numeria::web
