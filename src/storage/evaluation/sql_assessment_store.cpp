#include "storage/evaluation/sql_assessment_store.hpp"

namespace numeria::storage {

using assessment::evaluation::AnswerRecord;
using assessment::evaluation::Assessment;
using assessment::evaluation::AssessmentId;
using assessment::evaluation::AssessmentState;
using assessment::evaluation::KeSource;
using assessment::evaluation::KeStatus;
using assessment::evaluation::KnowledgeElement;
using assessment::evaluation::LearnerAccountId;

namespace {

const char* status_text(KeStatus status) {
    switch (status) {
    case KeStatus::Validated:
        return "validated";
    case KeStatus::Invalidated:
        return "invalidated";
    case KeStatus::Reset:
        return "reset";
    }
    return "invalidated";
}

KeStatus status_of(const std::string& text) {
    return text == "validated" ? KeStatus::Validated : text == "reset" ? KeStatus::Reset : KeStatus::Invalidated;
}

} // namespace

AssessmentId SqlAssessmentStore::create(const Assessment& assessment) {
    long long id = 0;
    const long long user = assessment.user_id;
    const long long at = assessment.created_at;
    m_sql << "INSERT INTO assessments (user_id, type, competence, state, created_at, updated_at) "
             "VALUES (:u, :t, :c, 'started', :a, :b) RETURNING id",
        soci::use(user), soci::use(assessment.type), soci::use(assessment.competence), soci::use(at), soci::use(at),
        soci::into(id);
    return id;
}

// `where` uses :a (a number) and :b (a text).
std::optional<Assessment> SqlAssessmentStore::select_one(const std::string& where, long long a, const std::string& b) {
    Assessment found;
    long long id = 0, user = 0, served = 0, created = 0;
    std::string state, current;
    soci::indicator current_ind = soci::i_null, served_ind = soci::i_null;
    soci::statement select = (m_sql.prepare << "SELECT id, user_id, type, competence, state, current_challenge_id, "
                                               "served_at, created_at FROM assessments WHERE " +
                                                   where + " ORDER BY id DESC LIMIT 1",
                              soci::into(id), soci::into(user), soci::into(found.type), soci::into(found.competence),
                              soci::into(state), soci::into(current, current_ind), soci::into(served, served_ind),
                              soci::into(created), soci::use(a, "a"), soci::use(b, "b"));
    if (!select.execute(true))
        return std::nullopt;
    found.id = id;
    found.user_id = user;
    found.state = state == "completed" ? AssessmentState::Completed : AssessmentState::Started;
    if (current_ind == soci::i_ok)
        found.current_challenge_id = current;
    if (served_ind == soci::i_ok)
        found.served_at = served;
    found.created_at = created;
    return found;
}

std::optional<Assessment> SqlAssessmentStore::find(AssessmentId id) {
    return select_one("id = :a AND :b = ''", id, "");
}

void SqlAssessmentStore::lock(AssessmentId id) {
    if (m_sql.get_backend_name() != "postgresql")
        return;
    const long long assessment = id;
    long long found = 0;
    m_sql << "SELECT id FROM assessments WHERE id = :i FOR UPDATE", soci::use(assessment), soci::into(found);
}

std::optional<Assessment> SqlAssessmentStore::started_evaluation(LearnerAccountId user, const std::string& competence) {
    return select_one("user_id = :a AND type = 'COMPETENCE_EVALUATION' AND competence = :b AND state = 'started'", user,
                      competence);
}

void SqlAssessmentStore::serve(AssessmentId id, const std::optional<std::string>& challenge, EpochMs now) {
    const long long assessment = id;
    const long long at = now;
    if (challenge)
        m_sql << "UPDATE assessments SET current_challenge_id = :c, served_at = :s, updated_at = :u WHERE id = :i",
            soci::use(*challenge), soci::use(at), soci::use(at), soci::use(assessment);
    else
        m_sql << "UPDATE assessments SET current_challenge_id = NULL, served_at = NULL, state = 'completed', "
                 "updated_at = :u WHERE id = :i",
            soci::use(at), soci::use(assessment);
}

std::int64_t SqlAssessmentStore::add_answer(AssessmentId id, const AnswerRecord& answer) {
    long long answer_id = 0;
    const long long assessment = id;
    const long long at = answer.created_at;
    m_sql << "INSERT INTO answers (assessment_id, challenge_id, value, result, created_at) "
             "VALUES (:a, :c, :v, :r, :t) RETURNING id",
        soci::use(assessment), soci::use(answer.challenge_id), soci::use(answer.value), soci::use(answer.result),
        soci::use(at), soci::into(answer_id);
    return answer_id;
}

std::vector<AnswerRecord> SqlAssessmentStore::answers(AssessmentId id) {
    const long long assessment = id;
    AnswerRecord row;
    long long answer_id = 0, at = 0;
    soci::statement select = (m_sql.prepare << "SELECT id, challenge_id, value, result, created_at FROM answers "
                                               "WHERE assessment_id = :a ORDER BY id",
                              soci::into(answer_id), soci::into(row.challenge_id), soci::into(row.value),
                              soci::into(row.result), soci::into(at), soci::use(assessment));
    select.execute(false);
    std::vector<AnswerRecord> rows;
    while (select.fetch()) {
        row.id = answer_id;
        row.created_at = at;
        rows.push_back(row);
    }
    return rows;
}

void SqlAssessmentStore::add_knowledge_elements(LearnerAccountId user, AssessmentId id,
                                                const std::vector<KnowledgeElement>& elements) {
    const long long user_id = user;
    const long long assessment = id;
    long long answer = 0, at = 0;
    std::string competence, tube, skill, status, source;
    double pix = 0;
    soci::statement insert =
        (m_sql.prepare << "INSERT INTO knowledge_elements (user_id, assessment_id, answer_id, competence, tube, skill, "
                          "status, source, earned_pix, created_at) VALUES (:u, :a, :n, :c, :t, :s, :st, :so, :p, :at)",
         soci::use(user_id), soci::use(assessment), soci::use(answer), soci::use(competence), soci::use(tube),
         soci::use(skill), soci::use(status), soci::use(source), soci::use(pix), soci::use(at));
    for (const KnowledgeElement& element : elements) {
        // NOLINTBEGIN(clang-analyzer-deadcode.DeadStores): read by execute() (soci::use)
        answer = element.answer_id;
        competence = element.competence;
        tube = element.tube;
        skill = element.skill;
        status = status_text(element.status);
        source = element.source == KeSource::Direct ? "direct" : "inferred";
        pix = element.earned_pix;
        at = element.created_at;
        // NOLINTEND(clang-analyzer-deadcode.DeadStores)
        insert.execute(true);
    }
}

std::vector<KnowledgeElement> SqlAssessmentStore::knowledge_elements(LearnerAccountId user,
                                                                     const std::string& competence) {
    const long long user_id = user;
    KnowledgeElement row;
    long long answer = 0, at = 0;
    std::string status, source;
    soci::statement select =
        (m_sql.prepare << "SELECT answer_id, competence, tube, skill, status, source, earned_pix, created_at "
                          "FROM knowledge_elements WHERE user_id = :u AND (:c1 = '' OR competence = :c2) ORDER BY id",
         soci::into(answer), soci::into(row.competence), soci::into(row.tube), soci::into(row.skill),
         soci::into(status), soci::into(source), soci::into(row.earned_pix), soci::into(at), soci::use(user_id),
         soci::use(competence), soci::use(competence));
    select.execute(false);
    std::vector<KnowledgeElement> rows;
    while (select.fetch()) {
        row.answer_id = answer;
        row.created_at = at;
        row.status = status_of(status);
        row.source = source == "direct" ? KeSource::Direct : KeSource::Inferred;
        rows.push_back(row);
    }
    return rows;
}

} // namespace numeria::storage
