// challenge_preview_page.cpp: one challenge shown as a student sees it (statement, illustration,
// attachment, answer inputs), then judged by the content's answer-checking library on POST.
#include "content/answer_checking/check_answer.hpp"
#include "content/answer_checking/text_treatments.hpp"
#include "web/markdown.hpp"
#include "web/pages/content_pages.hpp"
#include "web/pages/page.hpp"
#include "web/web_app.hpp"

#include <cstdio>

namespace numeria::web {

namespace {

using content::Challenge;
using content::ChallengeType;
using content::Verdict;

struct Judgement {
    bool answered = false; // a form was posted: its values are shown again
    std::string missing;   // "Je valide" without an answer: what to do, in French; no verdict then
    Verdict verdict = Verdict::Ko;
    std::map<std::string, bool> fields; // QROCM-ind per-field results
};

// Nothing typed but spaces (no-break ones included): the field is shown as missing.
bool blank(const std::string& text) {
    return content::treatment_t1(content::pre_treat(text)).empty();
}

// Rule: docs/rules/content.md "Answer checking": "Je valide" needs an answer, in every field;
// only "Je passe" skips a question.
std::string missing_answer_message(ChallengeType type) {
    const std::string otherwise = " Sinon, passez la question avec « Je passe ».";
    switch (type) {
    case ChallengeType::Qcu:
        return "Pour valider, sélectionnez une réponse." + otherwise;
    case ChallengeType::Qcm:
        return "Pour valider, sélectionnez au moins une réponse." + otherwise;
    case ChallengeType::Qroc:
        return "Pour valider, saisissez une réponse." + otherwise;
    case ChallengeType::QrocmInd:
    case ChallengeType::QrocmDep:
        break;
    }
    return "Pour valider, remplissez tous les champs." + otherwise;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const std::string& part : parts)
        text += (text.empty() ? "" : separator) + part;
    return text;
}

std::string format_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

std::string tolerances_text(const content::FreeSolution& solution) {
    if (solution.numeric)
        return "réponse numérique : « 3,5 » = « 3.5 », espaces ignorés";
    std::vector<std::string> on;
    if (solution.tolerances.t1)
        on.emplace_back("t1 (casse, accents, espaces)");
    if (solution.tolerances.t2)
        on.emplace_back("t2 (ponctuation)");
    if (solution.tolerances.t3)
        on.emplace_back("t3 (fautes légères)");
    return on.empty() ? "aucune tolérance" : "tolérances : " + join(on, ", ");
}

// A posted proposal index ("1".."n") or nothing.
std::optional<int> proposal_index(const std::string& value, std::size_t count) {
    if (value.empty() || value.size() > 2 || value.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const int index = std::stoi(value);
    return index >= 1 && static_cast<std::size_t>(index) <= count ? std::optional<int>(index) : std::nullopt;
}

// The posted form as an answer, judged by content/answer_checking.
Judgement judge(const Challenge& challenge, const Request& request) {
    content::Answer answer;
    answer.skipped = request.field("action") == "passer";
    if (challenge.type == ChallengeType::Qcu) {
        if (auto chosen = proposal_index(request.field("reponse"), challenge.proposals.size()))
            answer.chosen.insert(*chosen);
    } else if (challenge.type == ChallengeType::Qcm) {
        for (std::size_t i = 1; i <= challenge.proposals.size(); ++i)
            if (!request.field("proposition-" + std::to_string(i)).empty())
                answer.chosen.insert(static_cast<int>(i));
    }
    answer.text = request.field("reponse");
    for (const content::Field& field : challenge.fields)
        answer.fields[field.key] = request.field("champ-" + field.key);
    const content::Judgement judged = content::check_answer(challenge, answer);
    Judgement judgement;
    judgement.answered = true;
    judgement.verdict = judged.verdict;
    judgement.fields = judged.fields;
    if (judged.incomplete)
        judgement.missing = missing_answer_message(challenge.type);
    return judgement;
}

mstch::array proposals_of(const Challenge& challenge, const Request& request, bool answered) {
    mstch::array proposals;
    for (std::size_t i = 1; i <= challenge.proposals.size(); ++i) {
        const std::string index = std::to_string(i);
        const bool checked =
            answered && (challenge.type == ChallengeType::Qcu ? request.field("reponse") == index
                                                              : !request.field("proposition-" + index).empty());
        proposals.push_back(mstch::map{
            {"index", index}, {"html", inline_text_to_html(challenge.proposals[i - 1])}, {"checked", checked}});
    }
    return proposals;
}

mstch::array fields_of(const Challenge& challenge, const Request& request, const Judgement& judgement) {
    mstch::array fields;
    for (const content::Field& field : challenge.fields) {
        const std::string value = judgement.answered ? request.field("champ-" + field.key) : std::string();
        mstch::map entry{{"key", field.key}, {"label_html", inline_text_to_html(field.label)}, {"value", value}};
        if (!judgement.missing.empty() && blank(value))
            entry.emplace("field_missing", true);
        if (field.numeric)
            entry.emplace("numeric", true);
        if (auto result = judgement.fields.find(field.key); result != judgement.fields.end())
            entry.emplace(result->second ? "field_ok" : "field_ko", true);
        fields.push_back(entry);
    }
    return fields;
}

// The expected answer, in words, shown after judging.
mstch::array expected_answer(const Challenge& challenge) {
    mstch::array lines;
    switch (challenge.type) {
    case ChallengeType::Qcu:
    case ChallengeType::Qcm:
        for (int index : challenge.right_proposals)
            lines.push_back(mstch::map{{"html", inline_text_to_html(challenge.proposals[index - 1])}});
        break;
    case ChallengeType::Qroc:
        lines.push_back(mstch::map{{"html", std::string()},
                                   {"text", join(challenge.free_solution.variants, " ou ") + " — " +
                                                tolerances_text(challenge.free_solution)}});
        break;
    case ChallengeType::QrocmInd:
        for (const content::Field& field : challenge.fields) {
            const content::FreeSolution& solution = challenge.by_field.at(field.key);
            lines.push_back(mstch::map{
                {"html", std::string()},
                {"text", field.key + " : " + join(solution.variants, " ou ") + " — " + tolerances_text(solution)}});
        }
        break;
    case ChallengeType::QrocmDep:
        for (const content::FreeSolution& group : challenge.groups)
            lines.push_back(
                mstch::map{{"html", std::string()}, {"text", "une réponse parmi : " + join(group.variants, " ou ")}});
        break;
    }
    return lines;
}

mstch::map verdict_context(const Judgement& judgement) {
    switch (judgement.verdict) {
    case Verdict::Ok:
        return {{"verdict_class", std::string("fr-alert--success")}, {"verdict_text", std::string("Bonne réponse")}};
    case Verdict::Skipped:
        return {{"verdict_class", std::string("fr-alert--info")},
                {"verdict_text", std::string("Question passée (« Je passe ») : ni juste ni fausse")}};
    case Verdict::Ko:
        break;
    }
    return {{"verdict_class", std::string("fr-alert--error")}, {"verdict_text", std::string("Mauvaise réponse")}};
}

Response preview(const Request& request, WebApp& app, const Judgement& judgement) {
    const content::Content& content = *app.content;
    auto found = content.challenges.find(request.params.at("id"));
    if (found == content.challenges.end())
        return content_not_found(request, app, "Épreuve introuvable",
                                 "Cette épreuve n'existe pas dans le contenu chargé.");
    const Challenge& challenge = found->second;
    const std::string tube_name = challenge.skill.substr(0, challenge.skill.size() - 1);
    const content::Tube& tube = content.tubes.at(tube_name);
    const content::Skill* skill = nullptr;
    for (const content::Skill& candidate : tube.skills)
        if (candidate.name == challenge.skill)
            skill = &candidate;
    const content::Competence& competence = content.competences.at(tube.competence);

    mstch::map context{
        {"csrf", request.csrf_token},
        {"id", challenge.id},
        {"type", std::string(content::type_code(challenge.type))},
        {"skill", challenge.skill},
        {"level", std::to_string(skill ? skill->level : 0)},
        {"tube_title", tube.title},
        {"tube_anchor", tube_name.substr(1)},
        {"competence_code", competence.code},
        {"competence_name", competence.name},
        {"source", challenge.source},
        {"statement_html", markdown_to_html(challenge.statement)},
        {"irt_a", format_number(challenge.irt_a)},
        {"irt_b", format_number(challenge.irt_b)},
        {"calibrated", challenge.calibrated},
        {"blind_ok", challenge.blind_ok},
        {"color_blind_ok", challenge.color_blind_ok},
        {"focused", challenge.focused},
        {"is_qcu", challenge.type == ChallengeType::Qcu},
        {"is_qcm", challenge.type == ChallengeType::Qcm},
        {"is_qroc", challenge.type == ChallengeType::Qroc},
        {"is_qrocm", challenge.type == ChallengeType::QrocmInd || challenge.type == ChallengeType::QrocmDep},
        {"proposals", proposals_of(challenge, request, judgement.answered)},
        {"fields", fields_of(challenge, request, judgement)},
        {"answer", judgement.answered ? request.field("reponse") : std::string()},
    };
    if (challenge.timer_seconds)
        context.emplace("timer", std::to_string(*challenge.timer_seconds));
    if (challenge.type == ChallengeType::Qroc) {
        context.emplace("input_label",
                        inline_text_to_html(challenge.input_label.empty() ? "Votre réponse" : challenge.input_label));
        if (!challenge.input_suffix.empty())
            context.emplace("input_suffix", challenge.input_suffix);
        if (challenge.free_solution.numeric)
            context.emplace("numeric", true);
    }
    if (challenge.illustration)
        context.emplace("illustration",
                        mstch::map{{"url", app.assets.url("contenu", challenge.illustration->file.substr(7))},
                                   {"alt", challenge.illustration->text}});
    if (challenge.attachment)
        context.emplace("attachment",
                        mstch::map{{"url", app.assets.url("contenu", challenge.attachment->file.substr(7))},
                                   {"title", challenge.attachment->text}});
    if (!challenge.explanation.empty())
        context.emplace("explanation", challenge.explanation);
    Response response;
    if (!judgement.missing.empty()) {
        context.emplace("missing", judgement.missing);
        response.status = 422;
    } else if (judgement.answered) {
        mstch::map verdict = verdict_context(judgement);
        verdict.emplace("expected", expected_answer(challenge));
        context.emplace("judged", verdict);
    }
    response.body =
        render_page(app, request, PageMeta{"Épreuve " + challenge.id + " — aperçu", ""}, "admin_challenge", context);
    return response;
}

} // namespace

Response get_challenge_preview(const Request& request, WebApp& app) {
    return preview(request, app, Judgement{});
}

Response post_challenge_preview(const Request& request, WebApp& app) {
    auto found = app.content->challenges.find(request.params.at("id"));
    if (found == app.content->challenges.end())
        return content_not_found(request, app, "Épreuve introuvable",
                                 "Cette épreuve n'existe pas dans le contenu chargé.");
    return preview(request, app, judge(found->second, request));
}

} // namespace numeria::web
