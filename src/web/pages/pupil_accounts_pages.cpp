// pupil_accounts_pages.cpp: credentials of pupils without e-mail (docs/rules/accounts.md
// "Pupils' credentials"): for one pupil
// (shown once on the pupil's page) or for a whole class (downloaded as CSV or printable PDF), and the
// dissociation of a wrongly linked account.
#include "organizations/use_cases/pupil_credentials.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/organizations/sql_learner_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "web/class_sheet.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/students_pages.hpp"
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

// Rule: docs/rules/security.md "Password hashing": the temporary passwords are hashed by the
// server's pool before the transaction that stores them, never inside it (a class of 30 would hold
// the write lock for 30 hashes).
Result<std::vector<identity::TemporaryPassword>> temporary_passwords(const WebApp& app, std::size_t count) {
    std::vector<identity::TemporaryPassword> made;
    made.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        NUMERIA_TRY(identity::TemporaryPassword one, identity::make_temporary_password(app.hashing));
        made.push_back(std::move(one));
    }
    return made;
}

// Issues credentials inside the caller's transaction and links a newly created account.
Result<organizations::IssuedCredentials> issue_and_link(soci::session& sql, const organizations::Learner& learner,
                                                        WebApp& app, const identity::TemporaryPassword& temporary,
                                                        organizations::EmailAccounts email_accounts) {
    storage::SqlUserRepository users(sql);
    auto issued = organizations::issue_credentials(learner, users, temporary, app.clock.now(), email_accounts);
    if (issued && issued->account_created)
        storage::SqlLearnerRepository(sql).set_user(learner.id, issued->user_id, app.clock.now());
    return issued;
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
    Result<std::vector<identity::TemporaryPassword>> temporary = temporary_passwords(app, 1);
    if (!temporary) {
        Response response = render_student(request, app, {{"refusal", french_message(temporary.error().reason)}});
        response.status = 503;
        return response;
    }
    Result<organizations::IssuedCredentials> issued = fail(Error::not_found("learner.not_found"));
    if (id)
        app.database.write_durable([&](soci::session& sql) {
            if (auto row = storage::SqlLearnerRepository(sql).find(request.organization_id, *id))
                issued = issue_and_link(sql, row->learner, app, temporary->front(),
                                        organizations::EmailAccounts::AddUsername);
        });
    if (!issued && issued.error().reason == "learner.not_found")
        return get_student(request, app);
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
    std::vector<std::string> divisions;
    app.database.read(
        [&](soci::session& sql) { divisions = storage::SqlLearnerRepository(sql).divisions(request.organization_id); });
    if (std::find(divisions.begin(), divisions.end(), division) == divisions.end())
        return refuse_class(request, app,
                            "La classe « " + division +
                                " » n'existe pas parmi vos élèves actifs : aucun identifiant "
                                "n'a été généré.");
    organizations::LearnerQuery query;
    query.organization = request.organization_id;
    query.division = division;
    query.page_size = 10000;
    std::size_t class_size = 0;
    app.database.read(
        [&](soci::session& sql) { class_size = storage::SqlLearnerRepository(sql).search(query).rows.size(); });
    Result<std::vector<identity::TemporaryPassword>> temporary = temporary_passwords(app, class_size);
    if (!temporary) {
        Response response = refuse_class(request, app, french_message(temporary.error().reason));
        response.status = 503;
        return response;
    }
    std::vector<CredentialLine> lines;
    int with_email = 0;
    int not_issued = 0;
    std::string organization_name;
    app.database.write_durable([&](soci::session& sql) {
        lines.clear();
        with_email = not_issued = 0;
        storage::SqlLearnerRepository learners(sql);
        std::size_t next = 0;
        for (const organizations::LearnerRow& row : learners.search(query).rows) {
            // A pupil who joined the class since the count above gets no password in this batch.
            if (next == temporary->size()) {
                ++not_issued;
                continue;
            }
            auto issued =
                issue_and_link(sql, row.learner, app, (*temporary)[next], organizations::EmailAccounts::LeaveAlone);
            if (issued) {
                ++next;
                lines.push_back({row.learner.record.division, row.learner.record.last_name,
                                 row.learner.record.first_name, issued->username, issued->password});
            } else if (issued.error().reason == "learner.account_has_email")
                ++with_email; // Rule: docs/rules/accounts.md "Pupils' credentials": e-mail accounts are skipped.
            else
                ++not_issued;
        }
        if (auto organization = storage::SqlOrganizationRepository(sql).find(request.organization_id))
            organization_name = organization->name;
    });
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
    if (id)
        app.database.write([&](soci::session& sql) {
            storage::SqlLearnerRepository learners(sql);
            if (auto row = learners.find(request.organization_id, *id); row && row->learner.user_id) {
                learners.dissociate(*id, app.clock.now());
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
            // Dates as dd/mm/yyyy (Europe/Paris for the certificability's instant), like the pages.
            csv += csv_field(learner.record.key) + ";" + csv_field(learner.record.last_name) + ";" +
                   csv_field(learner.record.first_name) + ";" + french_date(learner.record.birthdate) + ";" +
                   csv_field(learner.record.division) + ";" + certificability + ";" +
                   (learner.certifiable_at ? paris_date(*learner.certifiable_at) : "") + ";" +
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
