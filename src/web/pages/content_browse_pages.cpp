#include "web/pages/content_pages.hpp"
#include "web/pages/page.hpp"
#include "web/web_app.hpp"

#include <cstdio>

namespace numeria::web {

namespace {

std::string format_pix(double value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    for (char& c : text)
        c = c == '.' ? ',' : c;
    return text;
}

int challenges_of_tube(const content::Tube& tube) {
    int count = 0;
    for (const content::Skill& skill : tube.skills)
        count += static_cast<int>(skill.challenge_ids.size());
    return count;
}

const char* category_label(const std::string& category) {
    if (category == "RENTREE")
        return "Parcours de rentrée";
    if (category == "THEMATIQUE")
        return "Thématique";
    if (category == "DISCIPLINAIRE")
        return "Disciplinaire";
    if (category == "CERTIFICABILITE")
        return "Certificabilité";
    return "Autre";
}

} // namespace

Response content_not_found(const Request& request, const WebApp& app, const std::string& title,
                           const std::string& message) {
    Response response;
    response.status = 404;
    response.body = render_page(app, request, PageMeta{title, ""}, "admin_content_missing",
                                mstch::map{{"title", title}, {"message", message}});
    return response;
}

Response get_content_index(const Request& request, WebApp& app) {
    const content::Content& content = *app.content;
    mstch::array areas;
    for (const content::Area& area : content.areas) {
        mstch::array competences;
        for (const std::string& code : area.competences) {
            const content::Competence& competence = content.competences.at(code);
            int skills = 0;
            int challenges = 0;
            for (const std::string& tube_name : competence.tubes) {
                const content::Tube& tube = content.tubes.at(tube_name);
                skills += static_cast<int>(tube.skills.size());
                challenges += challenges_of_tube(tube);
            }
            competences.push_back(mstch::map{{"code", code},
                                             {"name", competence.name},
                                             {"tubes", std::to_string(competence.tubes.size())},
                                             {"skills", std::to_string(skills)},
                                             {"challenges", std::to_string(challenges)}});
        }
        areas.push_back(mstch::map{{"code", area.code}, {"name", area.name}, {"competences", competences}});
    }
    mstch::array profiles;
    for (const auto& [id, profile] : content.profiles)
        profiles.push_back(mstch::map{{"id", id},
                                      {"name", profile.name},
                                      {"category", std::string(category_label(profile.category))},
                                      {"tubes", std::to_string(profile.capped_tubes.size())}});
    mstch::map context{{"areas", areas},
                       {"profiles", profiles},
                       {"challenge_count", std::to_string(content.challenges.size())},
                       {"tube_count", std::to_string(content.tubes.size())},
                       {"profile_count", std::to_string(content.profiles.size())}};
    Response response;
    response.body = render_page(app, request, PageMeta{"Contenu pédagogique", ""}, "admin_content", context);
    return response;
}

Response get_content_competence(const Request& request, WebApp& app) {
    const content::Content& content = *app.content;
    auto found = content.competences.find(request.params.at("code"));
    if (found == content.competences.end())
        return content_not_found(request, app, "Compétence introuvable",
                                 "Cette compétence n'existe pas dans le référentiel chargé.");
    const content::Competence& competence = found->second;
    mstch::array tubes;
    for (const std::string& tube_name : competence.tubes) {
        const content::Tube& tube = content.tubes.at(tube_name);
        mstch::array skills;
        for (const content::Skill& skill : tube.skills) {
            mstch::array challenges;
            for (const std::string& id : skill.challenge_ids)
                challenges.push_back(
                    mstch::map{{"id", id}, {"type", std::string(content::type_code(content.challenges.at(id).type))}});
            skills.push_back(mstch::map{{"name", skill.name},
                                        {"level", std::to_string(skill.level)},
                                        {"pix", format_pix(skill.pix_value)},
                                        {"challenges", challenges}});
        }
        mstch::array tutorials;
        for (const content::Tutorial& tutorial : content.tutorials)
            if (tutorial.tube == tube_name)
                tutorials.push_back(mstch::map{{"title", tutorial.title},
                                               {"url", tutorial.url},
                                               {"source", tutorial.source},
                                               {"format", tutorial.format},
                                               {"duration", tutorial.duration}});
        tubes.push_back(mstch::map{{"name", tube.name},
                                   {"anchor", tube.name.substr(1)},
                                   {"title", tube.title},
                                   {"description", tube.description},
                                   {"skills", skills},
                                   {"tutorials", tutorials}});
    }
    mstch::map context{{"code", competence.code},
                       {"name", competence.name},
                       {"description", competence.description},
                       {"tubes", tubes}};
    Response response;
    response.body = render_page(app, request, PageMeta{competence.code + " " + competence.name + " — contenu", ""},
                                "admin_competence", context);
    return response;
}

Response get_content_profile(const Request& request, WebApp& app) {
    const content::Content& content = *app.content;
    auto found = content.profiles.find(request.params.at("id"));
    if (found == content.profiles.end())
        return content_not_found(request, app, "Parcours introuvable",
                                 "Ce parcours n'existe pas dans le contenu chargé.");
    const content::TargetProfile& profile = found->second;
    mstch::array tubes;
    for (const auto& [tube_name, cap] : profile.capped_tubes) {
        const content::Tube& tube = content.tubes.at(tube_name);
        tubes.push_back(mstch::map{{"name", tube.name},
                                   {"anchor", tube.name.substr(1)},
                                   {"title", tube.title},
                                   {"description", tube.description},
                                   {"competence", tube.competence},
                                   {"level", std::to_string(cap)}});
    }
    mstch::array stages;
    for (const content::StageDefinition& stage : profile.stages)
        stages.push_back(mstch::map{{"threshold", std::to_string(stage.threshold)},
                                    {"title", stage.title},
                                    {"message", stage.message},
                                    {"teacher_message", stage.teacher_message}});
    mstch::map context{{"id", profile.id},
                       {"name", profile.name},
                       {"category", std::string(category_label(profile.category))},
                       {"description", profile.description},
                       {"tubes", tubes},
                       {"stages", stages}};
    Response response;
    response.body = render_page(app, request, PageMeta{profile.name + " — parcours", ""}, "admin_profile", context);
    return response;
}

} // namespace numeria::web
