// assessment_store.hpp: what the learner space keeps of an assessment (docs/rules/learning.md):
// the assessment and its served question, its answers, and the learner's knowledge elements; the
// port that storage/ implements.
#pragma once

#include "assessment/evaluation/knowledge_elements.hpp"
#include "core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace numeria::assessment::evaluation {

using AssessmentId = std::int64_t;
using LearnerAccountId = std::int64_t; // the user's id (identity), kept as a number here

enum class AssessmentState { Started, Completed };

struct Assessment {
    AssessmentId id = 0;
    LearnerAccountId user_id = 0;
    std::string type = "COMPETENCE_EVALUATION";
    std::string competence; // "1.1" for a competence evaluation
    AssessmentState state = AssessmentState::Started;
    std::optional<std::string> current_challenge_id; // served, not answered yet
    std::optional<EpochMs> served_at;
    EpochMs created_at = 0;
};

struct AnswerRecord {
    std::int64_t id = 0;
    std::string challenge_id;
    std::string value;
    std::string result; // "ok", "ko", "aband", "timedout"
    EpochMs created_at = 0;
};

class AssessmentStore {
public:
    virtual ~AssessmentStore() = default;
    [[nodiscard]] virtual AssessmentId create(const Assessment& assessment) = 0;
    [[nodiscard]] virtual std::optional<Assessment> find(AssessmentId id) = 0;
    // Holds the assessment until the transaction ends (PostgreSQL; SQLite has one writer at a
    // time): two answers to one question at once (two tabs, a double click) are taken in turn.
    virtual void lock(AssessmentId /*id*/) {}
    // The learner's started competence evaluation of `competence`, if any.
    [[nodiscard]] virtual std::optional<Assessment> started_evaluation(LearnerAccountId user,
                                                                       const std::string& competence) = 0;
    // Serves `challenge` (or completes the assessment when none) at `now`.
    virtual void serve(AssessmentId id, const std::optional<std::string>& challenge, EpochMs now) = 0;
    [[nodiscard]] virtual std::int64_t add_answer(AssessmentId id, const AnswerRecord& answer) = 0;
    [[nodiscard]] virtual std::vector<AnswerRecord> answers(AssessmentId id) = 0;
    virtual void add_knowledge_elements(LearnerAccountId user, AssessmentId id,
                                        const std::vector<KnowledgeElement>& elements) = 0;
    // The learner's knowledge elements, of one competence ("" = all), oldest first.
    [[nodiscard]] virtual std::vector<KnowledgeElement> knowledge_elements(LearnerAccountId user,
                                                                           const std::string& competence) = 0;
};

} // namespace numeria::assessment::evaluation
