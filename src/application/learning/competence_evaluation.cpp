#include "application/learning/competence_evaluation.hpp"

#include "assessment/evaluation/knowledge_elements.hpp"
#include "assessment/evaluation/positioning_targets.hpp"
#include "assessment/evaluation/smart_random.hpp"

namespace numeria::application {

namespace ev = assessment::evaluation;

namespace {

// Rule: docs/rules/learning.md "Timed questions": an answer later than the timer (plus 2 s for the
// network) counts as timed out, measured on the server from when the question was served.
constexpr EpochMs TIMER_GRACE_MS = 2000;

Result<ev::Assessment> own_assessment(UnitOfWork& uow, LearnerAccountId user, AssessmentId id) {
    auto found = uow.assessments().find(id);
    if (!found || found->user_id != user)
        return fail(Error::not_found("assessment.not_found"));
    return *found;
}

// Chooses and serves the next question of a started assessment that has none served.
Result<NextQuestion> serve_next(Services& app, const content::Content& content, UnitOfWork& uow,
                                const ev::Assessment& assessment, std::vector<ev::KnowledgeElement> elements) {
    NUMERIA_TRY(ev::PositioningTargets targets, ev::PositioningTargets::for_competence(content, assessment.competence));
    std::vector<std::string> answered;
    for (const ev::AnswerRecord& answer : uow.assessments().answers(assessment.id))
        answered.push_back(answer.challenge_id);
    std::optional<ev::LastAnswer> last;
    if (!answered.empty())
        last = ev::LastAnswer{answered.back()};
    const ev::NextChallenge next = ev::next_challenge(targets, answered, elements, last, assessment.id);
    uow.assessments().serve(assessment.id, next.challenge_id, app.clock.now());
    if (!next.challenge_id)
        return NextQuestion{};
    return NextQuestion{&content.challenges.at(*next.challenge_id)};
}

} // namespace

Result<StartedEvaluation> start_competence_evaluation(Services& app, const content::Content& content,
                                                      LearnerAccountId user, const std::string& competence) {
    if (content.competences.count(competence) == 0)
        return fail(Error::not_found("competence.unknown"));
    return app.tx.durable([&](UnitOfWork& uow) -> Result<StartedEvaluation> {
        if (auto started = uow.assessments().started_evaluation(user, competence))
            return StartedEvaluation{started->id, true};
        ev::Assessment assessment;
        assessment.user_id = user;
        assessment.competence = competence;
        assessment.created_at = app.clock.now();
        return StartedEvaluation{uow.assessments().create(assessment), false};
    });
}

Result<NextQuestion> next_question(Services& app, const content::Content& content, LearnerAccountId user,
                                   AssessmentId id) {
    // Rule: docs/rules/learning.md "Resuming": the question served stays the question to answer. Most
    // calls only read it; a question is chosen and served in a write transaction only when none is.
    auto served = [&](const ev::Assessment& assessment) -> std::optional<NextQuestion> {
        if (assessment.state == ev::AssessmentState::Completed)
            return NextQuestion{};
        if (assessment.current_challenge_id) {
            auto found = content.challenges.find(*assessment.current_challenge_id);
            if (found != content.challenges.end())
                return NextQuestion{&found->second};
        }
        return std::nullopt;
    };
    NUMERIA_TRY(ev::Assessment read, app.tx.read([&](UnitOfWork& uow) { return own_assessment(uow, user, id); }));
    if (auto next = served(read))
        return *next;
    return app.tx.durable([&](UnitOfWork& uow) -> Result<NextQuestion> {
        uow.assessments().lock(id);
        NUMERIA_TRY(ev::Assessment assessment, own_assessment(uow, user, id));
        if (auto next = served(assessment)) // served meanwhile by another request
            return *next;
        return serve_next(app, content, uow, assessment,
                          uow.assessments().knowledge_elements(user, assessment.competence));
    });
}

Result<AnswerOutcome> answer_question(Services& app, const content::Content& content, LearnerAccountId user,
                                      AssessmentId id, const std::string& challenge_id, const content::Answer& answer,
                                      const std::string& stored_value) {
    return app.tx.durable([&](UnitOfWork& uow) -> Result<AnswerOutcome> {
        uow.assessments().lock(id);
        NUMERIA_TRY(ev::Assessment assessment, own_assessment(uow, user, id));
        // Rule: docs/rules/learning.md "Answers": only the question served may be answered, once,
        // also when two answers to it arrive at once (the second one waits, then finds it answered).
        if (assessment.state == ev::AssessmentState::Completed || assessment.current_challenge_id != challenge_id)
            return fail(Error{ErrorCode::AlreadyExists, "assessment.not_current"});
        auto found = content.challenges.find(challenge_id);
        if (found == content.challenges.end())
            return fail(Error{ErrorCode::AlreadyExists, "assessment.not_current"});
        const content::Challenge& challenge = found->second;
        const content::Judgement judgement = content::check_answer(challenge, answer);
        if (judgement.incomplete)
            return fail(Error::rule("answer.incomplete"));
        const EpochMs now = app.clock.now();
        std::string result = answer.skipped ? "aband" : judgement.verdict == content::Verdict::Ok ? "ok" : "ko";
        if (!answer.skipped && challenge.timer_seconds && assessment.served_at &&
            now - *assessment.served_at > static_cast<EpochMs>(*challenge.timer_seconds) * 1000 + TIMER_GRACE_MS)
            result = "timedout";
        const std::int64_t answer_id =
            uow.assessments().add_answer(id, ev::AnswerRecord{0, challenge_id, stored_value, result, now});
        NUMERIA_TRY(ev::PositioningTargets targets,
                    ev::PositioningTargets::for_competence(content, assessment.competence));
        std::vector<ev::KnowledgeElement> elements = uow.assessments().knowledge_elements(user, assessment.competence);
        const std::vector<ev::KnowledgeElement> learned =
            ev::knowledge_elements_for_answer(targets, elements, challenge, result == "ok", answer_id, now);
        uow.assessments().add_knowledge_elements(user, id, learned);
        elements.insert(elements.end(), learned.begin(), learned.end());
        NUMERIA_TRY(NextQuestion next, serve_next(app, content, uow, assessment, std::move(elements)));
        return AnswerOutcome{result, next};
    });
}

Result<ev::ProfileScore> learner_profile(Services& app, const content::Content& content, LearnerAccountId user) {
    NUMERIA_TRY(std::vector<ev::KnowledgeElement> elements,
                app.tx.read([&](UnitOfWork& uow) -> Result<std::vector<ev::KnowledgeElement>> {
                    return uow.assessments().knowledge_elements(user, "");
                }));
    std::vector<ev::ScoredKnowledge> scored;
    for (const ev::KnowledgeElement& element : ev::current_profile(elements))
        scored.push_back(
            {element.competence, element.skill, element.status == ev::KeStatus::Validated, element.earned_pix});
    return ev::score_framework(content, scored, ev::ProfileSettings{});
}

} // namespace numeria::application
