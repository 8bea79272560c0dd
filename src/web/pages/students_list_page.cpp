// students_list_page.cpp: the students list of Orga and the page of one pupil
// (docs/rules/organizations.md "Students list").
#include "application/learners/students.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/page.hpp"
#include "web/pages/students_pages.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

constexpr int PAGE_SIZE = 50;

std::string certificability_label(const organizations::Learner& learner) {
    if (!learner.certifiable)
        return "Non communiqué";
    return *learner.certifiable ? "Certifiable" : "Non certifiable";
}

std::string connection_label(const organizations::LearnerRow& row) {
    if (!row.learner.user_id)
        return "Aucune (pas de compte)";
    std::string methods;
    if (!row.account_email.empty())
        methods = "Adresse e-mail";
    if (!row.account_username.empty())
        methods += std::string(methods.empty() ? "" : ", ") + "Identifiant";
    return methods.empty() ? "Compte lié" : methods;
}

std::string one_of(const std::optional<std::string>& value, std::initializer_list<const char*> allowed,
                   const std::string& fallback) {
    if (value)
        for (const char* candidate : allowed)
            if (*value == candidate)
                return *value;
    return fallback;
}

mstch::array options(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& selected) {
    mstch::array list;
    for (const auto& [value, label] : choices)
        list.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
    return list;
}

std::string base_path(const Request& request) {
    return "/orga/" + std::to_string(request.organization_id) + "/eleves";
}

} // namespace

Response get_students(const Request& request, WebApp& app) {
    return render_students(request, app, {});
}

Response render_students(const Request& request, WebApp& app, const mstch::map& extra) {
    organizations::LearnerQuery query;
    query.organization = request.organization_id;
    query.search = request.query_param("recherche").value_or("").substr(0, 100);
    query.division = request.query_param("classe").value_or("").substr(0, 100);
    query.certifiable = one_of(request.query_param("certificabilite"), {"oui", "non", "inconnu"}, "");
    query.connection = one_of(request.query_param("connexion"), {"email", "identifiant", "aucune"}, "");
    query.state = one_of(request.query_param("etat"), {"actifs", "desactives", "tous"}, "actifs");
    query.sort = one_of(request.query_param("tri"), {"nom", "classe"}, "nom");
    const std::string page_text = request.query_param("page").value_or("1");
    query.page =
        page_text.size() < 6 && page_text.find_first_not_of("0123456789") == std::string::npos && !page_text.empty()
            ? std::max(1, std::stoi(page_text))
            : 1;
    query.page_size = PAGE_SIZE;

    organizations::LearnerPage page;
    std::vector<std::string> divisions;
    std::string organization_name;
    bool manages_students = false;
    int email_accounts = 0; // in the chosen class: left out of the class credentials
    if (auto view = application::list_students(app.services, query)) {
        page = std::move(view->page);
        divisions = std::move(view->divisions);
        organization_name = view->organization.name;
        manages_students = view->organization.manages_students;
        email_accounts = view->email_accounts;
    }
    const std::string base = base_path(request);
    mstch::array rows;
    for (const organizations::LearnerRow& row : page.rows) {
        const organizations::Learner& learner = row.learner;
        rows.push_back(mstch::map{
            {"href", base + "/" + std::to_string(learner.id)},
            {"last_name", learner.record.last_name},
            {"first_name", learner.record.first_name},
            {"birthdate", french_date(learner.record.birthdate)},
            {"division", learner.record.division},
            {"certificability", certificability_label(learner)},
            {"certifiable_at", learner.certifiable_at ? paris_date(*learner.certifiable_at) : std::string()},
            {"connection", connection_label(row)},
            {"disabled", learner.disabled},
        });
    }
    mstch::array division_options;
    division_options.push_back(mstch::map{
        {"value", std::string()}, {"label", std::string("Toutes les classes")}, {"selected", query.division.empty()}});
    for (const std::string& division : divisions)
        division_options.push_back(
            mstch::map{{"value", division}, {"label", division}, {"selected", division == query.division}});
    const int pages = std::max(1, (page.total + PAGE_SIZE - 1) / PAGE_SIZE);
    auto page_link = [&](int number) {
        return base + "?recherche=" + percent_encode(query.search) + "&classe=" + percent_encode(query.division) +
               "&certificabilite=" + query.certifiable + "&connexion=" + query.connection + "&etat=" + query.state +
               "&tri=" + query.sort + "&page=" + std::to_string(number);
    };
    mstch::map context{
        {"organization", organization_name},
        {"of_organization", of_name(organization_name)},
        {"csrf", request.csrf_token},
        {"base", base},
        {"org_id", std::to_string(request.organization_id)},
        {"admin", request.organization_admin},
        {"manages_students", manages_students},
        {"search", query.search},
        {"divisions", division_options},
        {"certifiable_options",
         options({{"", "Toutes"}, {"oui", "Certifiable"}, {"non", "Non certifiable"}, {"inconnu", "Non communiqué"}},
                 query.certifiable)},
        // No "Connexion externe (ENT)" choice: the product has no external log-in yet (learner_query.hpp).
        {"connection_options",
         options({{"", "Toutes"}, {"email", "Adresse e-mail"}, {"identifiant", "Identifiant"}, {"aucune", "Aucune"}},
                 query.connection)},
        {"state_options",
         options({{"actifs", "Élèves actifs"}, {"desactives", "Élèves désactivés"}, {"tous", "Tous"}}, query.state)},
        {"sort_options", options({{"nom", "Nom"}, {"classe", "Classe puis nom"}}, query.sort)},
        {"rows", rows},
        {"total", std::to_string(page.total)},
        {"page", std::to_string(query.page)},
        {"pages", std::to_string(pages)},
        {"division", query.division},
        {"division_query", percent_encode(query.division)},
        {"has_students", !divisions.empty() || page.total > 0 || query.state != "actifs"},
        {"email_accounts", email_accounts > 0 ? std::to_string(email_accounts) : std::string()},
        {"empty", page.rows.empty()},
    };
    // A class credentials request refused (no class chosen, an unknown class): say why above the list.
    if (auto refused = request.query_param("refus")) {
        if (*refused == "credentials.class_missing")
            context["class_message"] = std::string(
                "Choisissez une classe dans le filtre « Classe » avant de préparer des identifiants : ils ne sont "
                "jamais générés pour tout l'établissement à la fois.");
        else if (*refused == "credentials.class_unknown")
            context["class_message"] = "La classe « " + query.division +
                                       " » n'existe pas parmi vos élèves actifs : aucun identifiant n'a été généré.";
    }
    for (const auto& [key, value] : extra)
        context[key] = value;
    if (query.page > 1)
        context.emplace("previous", page_link(query.page - 1));
    if (query.page < pages)
        context.emplace("next", page_link(query.page + 1));
    Response response;
    response.body = render_page(app, request, PageMeta{"Élèves — " + organization_name, "orga"}, "students", context);
    return response;
}

Response get_student(const Request& request, WebApp& app) {
    return render_student(request, app, {});
}

Response render_student(const Request& request, WebApp& app, const mstch::map& extra) {
    const std::string& raw = request.params.at("learner_id");
    std::optional<organizations::LearnerRow> row;
    bool sup = false;
    if (!raw.empty() && raw.size() < 18 && raw.find_first_not_of("0123456789") == std::string::npos) {
        if (auto found = application::find_student(app.services, request.organization_id, std::stoll(raw))) {
            row = std::move(found->row);
            sup = found->organization.type == organizations::OrganizationType::Sup;
        }
    }
    const std::string base = base_path(request);
    if (!row) {
        Response response;
        response.status = 404;
        response.body = render_page(app, request, PageMeta{"Élève introuvable", "orga"}, "student_missing",
                                    mstch::map{{"base", base}});
        return response;
    }
    const organizations::Learner& learner = row->learner;
    const organizations::LearnerRecord& r = learner.record;
    mstch::map context{
        {"base", base},
        {"csrf", request.csrf_token},
        {"id", std::to_string(learner.id)},
        {"name", r.first_name + " " + r.last_name},
        {"last_name", r.last_name},
        {"preferred_last_name", r.preferred_last_name},
        {"first_names", r.first_name + (r.middle_name.empty() ? "" : ", " + r.middle_name) +
                            (r.third_name.empty() ? "" : ", " + r.third_name)},
        {"birthdate", french_date(r.birthdate)},
        {"sex", r.sex == "F"   ? std::string("Féminin")
                : r.sex == "M" ? std::string("Masculin")
                               : std::string("—")},
        {"ine", r.key},
        {"division", r.division},
        {"mef", r.mef_code},
        {"sup", sup},
        {"school", !sup},
        {"email_in_file", r.email},
        {"department", r.department},
        {"educational_team", r.educational_team},
        {"diploma", r.diploma},
        {"study_scheme", r.study_scheme},
        {"account_has_email", !row->account_email.empty()},
        {"status", r.status == "AP" ? std::string("Apprenti") : std::string("Élève")},
        {"certificability", certificability_label(learner)},
        {"disabled", learner.disabled},
        {"has_account", learner.user_id.has_value()},
        {"connection", connection_label(*row)},
        {"username", row->account_username},
        {"email", row->account_email},
    };
    if (learner.certifiable_at)
        context.emplace("certifiable_at", paris_date(*learner.certifiable_at));
    for (const auto& [key, value] : extra)
        context[key] = value;
    Response response;
    response.body =
        render_page(app, request, PageMeta{r.first_name + " " + r.last_name + " — élève", "orga"}, "student", context);
    return response;
}

} // namespace numeria::web
