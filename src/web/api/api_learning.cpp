#include "web/api/api_learning.hpp"

#include "application/learning/competence_evaluation.hpp"
#include "web/api/api_support.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

using api::body_json;
using api::id_param;
using api::invalid_body;
using nlohmann::json;

std::string dumped(const json& body) {
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The question as the API shows it: never its solution.
json next_json(const application::NextQuestion& next) {
    if (!next.challenge)
        return json{{"state", "completed"}};
    const content::Challenge& challenge = *next.challenge;
    json fields = json::array();
    for (const content::Field& field : challenge.fields)
        fields.push_back({{"key", field.key}, {"label", field.label}});
    return json{{"state", "started"},
                {"challenge",
                 {{"id", challenge.id},
                  {"type", content::type_code(challenge.type)},
                  {"statement", challenge.statement},
                  {"proposals", challenge.proposals},
                  {"fields", fields},
                  {"timer", challenge.timer_seconds ? json(*challenge.timer_seconds) : json(nullptr)}}}};
}

// Proposal numbers "2" or "1,3"; nothing when malformed.
std::optional<std::set<int>> proposal_numbers(const std::string& text) {
    std::set<int> chosen;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        std::string number = text.substr(at, comma - at);
        number.erase(0, number.find_first_not_of(' '));
        number.erase(number.find_last_not_of(' ') + 1);
        if (number.empty() || number.size() > 3 || number.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        chosen.insert(std::stoi(number));
        at = comma + 1;
    }
    return chosen;
}

// The answer of the API's body for `challenge`: "2" (QCU), "1,3" (QCM), text (QROC), {"key":"text"}
// (QROCM), or {"skipped":true}. Nothing when the value does not fit the type.
std::optional<content::Answer> parse_answer(const json& body, const content::Challenge& challenge,
                                            std::string& stored) {
    content::Answer answer;
    if (body.contains("skipped") && body["skipped"] == true) {
        answer.skipped = true;
        stored = "#ABAND#";
        return answer;
    }
    const auto value = body.find("value");
    if (value == body.end())
        return std::nullopt;
    switch (challenge.type) {
    case content::ChallengeType::Qcu:
    case content::ChallengeType::Qcm: {
        if (!value->is_string())
            return std::nullopt;
        auto chosen = proposal_numbers(value->get<std::string>());
        if (!chosen || (challenge.type == content::ChallengeType::Qcu && chosen->size() != 1))
            return std::nullopt;
        answer.chosen = *chosen;
        stored = value->get<std::string>();
        return answer;
    }
    case content::ChallengeType::Qroc:
        if (!value->is_string())
            return std::nullopt;
        answer.text = value->get<std::string>();
        stored = answer.text;
        return answer;
    default:
        if (!value->is_object())
            return std::nullopt;
        for (const auto& [key, text] : value->items()) {
            if (!text.is_string())
                return std::nullopt;
            answer.fields[key] = text.get<std::string>();
        }
        stored = dumped(*value);
        return answer;
    }
}

} // namespace

Response api_post_competence_evaluation(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto started = application::start_competence_evaluation(app.services, *app.content, request.viewer->user_id,
                                                            api::text(*body, "competence"));
    if (!started)
        return error_json(started.error());
    return Response::json(started->resumed ? 200 : 201, dumped(json{{"assessment_id", started->assessment_id}}));
}

Response api_get_next_challenge(const Request& request, WebApp& app) {
    auto next = application::next_question(app.services, *app.content, request.viewer->user_id,
                                           id_param(request, "assessment_id"));
    if (!next)
        return error_json(next.error());
    return Response::json(200, dumped(next_json(*next)));
}

Response api_post_answer(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    const std::string challenge_id = api::text(*body, "challenge_id");
    auto challenge = app.content->challenges.find(challenge_id);
    if (challenge == app.content->challenges.end())
        return error_json(409, "assessment.not_current", "Cette question n'est pas la question en cours.");
    std::string stored;
    auto answer = parse_answer(*body, challenge->second, stored);
    if (!answer)
        return error_json(400, "answer.invalid",
                          "La réponse ne correspond pas au type de la question : \"2\" (QCU), \"1,3\" (QCM), un texte "
                          "(QROC), un objet {\"clé\": \"texte\"} (QROCM) ou {\"skipped\": true}.");
    auto outcome = application::answer_question(app.services, *app.content, request.viewer->user_id,
                                                id_param(request, "assessment_id"), challenge_id, *answer, stored);
    if (!outcome)
        return error_json(outcome.error());
    return Response::json(201, dumped(json{{"result", outcome->result}, {"next", next_json(outcome->next)}}));
}

Response api_get_profile(const Request& request, WebApp& app) {
    auto profile = application::learner_profile(app.services, *app.content, request.viewer->user_id);
    if (!profile)
        return error_json(profile.error());
    json competences = json::array();
    for (const auto& competence : profile->competences)
        competences.push_back({{"code", competence.code}, {"level", competence.level}, {"pix", competence.pix}});
    return Response::json(200, dumped(json{{"pix_score", profile->total_pix},
                                           {"certifiable", profile->certifiable},
                                           {"competences", competences}}));
}

} // namespace numeria::web
