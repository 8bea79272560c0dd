#include "content/answer_checking/check_answer.hpp"

#include "content/answer_checking/text_treatments.hpp"

namespace numeria::content {

namespace {

// Nothing typed but spaces (no-break ones included).
bool blank(const std::string& text) {
    return treatment_t1(pre_treat(text)).empty();
}

// The proposals that exist among the chosen ones.
std::set<int> valid_choices(const Challenge& challenge, const std::set<int>& chosen) {
    std::set<int> valid;
    for (int index : chosen)
        if (index >= 1 && static_cast<std::size_t>(index) <= challenge.proposals.size())
            valid.insert(index);
    return valid;
}

} // namespace

Judgement check_answer(const Challenge& challenge, const Answer& answer) {
    Judgement judgement;
    bool empty = false;
    switch (challenge.type) {
    case ChallengeType::Qcu: {
        const std::set<int> chosen = valid_choices(challenge, answer.chosen);
        empty = chosen.size() != 1;
        const std::optional<int> one = empty ? std::nullopt : std::optional<int>(*chosen.begin());
        judgement.verdict = check_qcu(one, *challenge.right_proposals.begin(), answer.skipped);
        break;
    }
    case ChallengeType::Qcm: {
        const std::set<int> chosen = valid_choices(challenge, answer.chosen);
        empty = chosen.empty();
        judgement.verdict = check_qcm(chosen, challenge.right_proposals, answer.skipped);
        break;
    }
    case ChallengeType::Qroc:
        empty = blank(answer.text);
        judgement.verdict = check_qroc(answer.text, challenge.free_solution, answer.skipped);
        break;
    case ChallengeType::QrocmInd: {
        std::map<std::string, std::string> given;
        for (const Field& field : challenge.fields) {
            auto found = answer.fields.find(field.key);
            given[field.key] = found == answer.fields.end() ? std::string() : found->second;
            empty = empty || blank(given[field.key]);
        }
        FieldsVerdict verdict = check_qrocm_ind(given, challenge.by_field, answer.skipped);
        judgement.verdict = verdict.verdict;
        judgement.fields = std::move(verdict.fields);
        break;
    }
    case ChallengeType::QrocmDep: {
        std::vector<std::string> given;
        for (const Field& field : challenge.fields) {
            auto found = answer.fields.find(field.key);
            given.push_back(found == answer.fields.end() ? std::string() : found->second);
            empty = empty || blank(given.back());
        }
        judgement.verdict = check_qrocm_dep(given, challenge.groups, answer.skipped);
        break;
    }
    }
    if (empty && !answer.skipped) {
        judgement.incomplete = true;
        judgement.fields.clear();
    }
    return judgement;
}

} // namespace numeria::content
