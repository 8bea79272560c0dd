// competence_evaluation.hpp: the learner space's core loop (docs/rules/learning.md): start or resume
// the evaluation of a competence, the question to answer, an answer (checked, written with its
// knowledge elements and the next question in ONE durable transaction), and the learner's profile.
#pragma once

#include "application/services.hpp"
#include "assessment/evaluation/assessment_store.hpp"
#include "assessment/evaluation/profile_scoring.hpp"
#include "content/answer_checking/check_answer.hpp"
#include "content/model/content_model.hpp"

#include <optional>
#include <string>

namespace numeria::application {

using assessment::evaluation::AssessmentId;
using assessment::evaluation::LearnerAccountId;

struct StartedEvaluation {
    AssessmentId assessment_id = 0;
    bool resumed = false; // the competence's started evaluation, not a new one
};

// Refused with "competence.unknown" for a code of no competence of the framework.
[[nodiscard]] Result<StartedEvaluation> start_competence_evaluation(Services& app, const content::Content& content,
                                                                    LearnerAccountId user,
                                                                    const std::string& competence);

// The question to answer: the one served and not answered yet, else the positioning's next (then
// served from now on), or none when the assessment is completed.
struct NextQuestion {
    const content::Challenge* challenge = nullptr; // none: completed
};

// Refused with "assessment.not_found" for an unknown assessment or another learner's.
[[nodiscard]] Result<NextQuestion> next_question(Services& app, const content::Content& content, LearnerAccountId user,
                                                 AssessmentId assessment);

struct AnswerOutcome {
    std::string result; // "ok", "ko", "aband", "timedout"
    NextQuestion next;
};

// Refused, nothing written: "assessment.not_found"; "assessment.not_current" when `challenge_id` is
// not the question served (or the assessment is completed); "answer.incomplete" when the answer
// misses a choice or a field and is not skipped.
[[nodiscard]] Result<AnswerOutcome> answer_question(Services& app, const content::Content& content,
                                                    LearnerAccountId user, AssessmentId assessment,
                                                    const std::string& challenge_id, const content::Answer& answer,
                                                    const std::string& stored_value);

// The learner's profile: the 16 competences with level and pix, the total, certificability.
[[nodiscard]] Result<assessment::evaluation::ProfileScore>
learner_profile(Services& app, const content::Content& content, LearnerAccountId user);

} // namespace numeria::application
