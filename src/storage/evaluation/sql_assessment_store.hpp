// sql_assessment_store.hpp: assessment::evaluation::AssessmentStore on SQL (tables of migration
// 0016: assessments, answers, knowledge_elements).
#pragma once

#include "assessment/evaluation/assessment_store.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlAssessmentStore final : public assessment::evaluation::AssessmentStore {
public:
    explicit SqlAssessmentStore(soci::session& sql)
        : m_sql(sql) {}
    assessment::evaluation::AssessmentId create(const assessment::evaluation::Assessment& assessment) override;
    std::optional<assessment::evaluation::Assessment> find(assessment::evaluation::AssessmentId id) override;
    void lock(assessment::evaluation::AssessmentId id) override;
    std::optional<assessment::evaluation::Assessment> started_evaluation(assessment::evaluation::LearnerAccountId user,
                                                                         const std::string& competence) override;
    void serve(assessment::evaluation::AssessmentId id, const std::optional<std::string>& challenge,
               EpochMs now) override;
    std::int64_t add_answer(assessment::evaluation::AssessmentId id,
                            const assessment::evaluation::AnswerRecord& answer) override;
    std::vector<assessment::evaluation::AnswerRecord> answers(assessment::evaluation::AssessmentId id) override;
    void add_knowledge_elements(assessment::evaluation::LearnerAccountId user, assessment::evaluation::AssessmentId id,
                                const std::vector<assessment::evaluation::KnowledgeElement>& elements) override;
    std::vector<assessment::evaluation::KnowledgeElement>
    knowledge_elements(assessment::evaluation::LearnerAccountId user, const std::string& competence) override;

private:
    std::optional<assessment::evaluation::Assessment> select_one(const std::string& where, long long a,
                                                                 const std::string& b);

    soci::session& m_sql;
};

} // namespace numeria::storage
