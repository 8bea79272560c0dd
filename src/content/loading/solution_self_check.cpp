// solution_self_check.cpp: every challenge's own solution, put to the answer checker as a student
// would type it: every variant of every field, every assignment of groups in a QROCM-dep, and for
// QCU/QCM every other choice, which must be refused.
#include "content/loading/content_statistics.hpp"

#include <functional>

namespace numeria::content {

namespace {

bool proposals_exist(const Challenge& challenge) {
    for (int index : challenge.right_proposals)
        if (index < 1 || index > static_cast<int>(challenge.proposals.size()))
            return false;
    return true;
}

// QCU: the right proposal is accepted and every other one, or none, is refused.
bool qcu_holds(const Challenge& challenge) {
    if (challenge.right_proposals.size() != 1 || !proposals_exist(challenge))
        return false;
    const int right = *challenge.right_proposals.begin();
    if (check_qcu(right, right) != Verdict::Ok || check_qcu(std::nullopt, right) != Verdict::Ko)
        return false;
    for (int index = 1; index <= static_cast<int>(challenge.proposals.size()); ++index)
        if (index != right && check_qcu(index, right) != Verdict::Ko)
            return false;
    return true;
}

// QCM: the right set is accepted; adding a wrong proposal or dropping a right one is refused.
bool qcm_holds(const Challenge& challenge) {
    const std::set<int>& right = challenge.right_proposals;
    if (right.empty() || !proposals_exist(challenge) || check_qcm(right, right) != Verdict::Ok ||
        check_qcm({}, right) != Verdict::Ko)
        return false;
    for (int index = 1; index <= static_cast<int>(challenge.proposals.size()); ++index) {
        std::set<int> changed = right;
        if (!changed.erase(index))
            changed.insert(index);
        if (check_qcm(changed, right) != Verdict::Ko)
            return false;
    }
    return true;
}

bool qroc_holds(const Challenge& challenge) {
    if (challenge.free_solution.variants.empty())
        return false;
    for (const std::string& variant : challenge.free_solution.variants)
        if (check_qroc(variant, challenge.free_solution) != Verdict::Ok)
            return false;
    return true;
}

// QROCM-ind: each variant of each field, the other fields holding their first variant.
bool qrocm_ind_holds(const Challenge& challenge) {
    std::map<std::string, std::string> first;
    for (const auto& [key, solution] : challenge.by_field) {
        if (solution.variants.empty())
            return false;
        first[key] = solution.variants.front();
    }
    if (challenge.by_field.size() != challenge.fields.size())
        return false;
    for (const auto& [key, solution] : challenge.by_field) {
        for (const std::string& variant : solution.variants) {
            std::map<std::string, std::string> answers = first;
            answers[key] = variant;
            if (check_qrocm_ind(answers, challenge.by_field).verdict != Verdict::Ok)
                return false;
        }
    }
    return true;
}

// QROCM-dep: every assignment of distinct groups to the fields, in every order, with the groups'
// first variants; then every variant of every group typed in every field, the other fields taking
// the first variants of the next groups.
bool qrocm_dep_holds(const Challenge& challenge) {
    const std::size_t fields = challenge.fields.size();
    const std::vector<FreeSolution>& groups = challenge.groups;
    if (fields == 0 || groups.size() < fields)
        return false;
    for (const FreeSolution& group : groups)
        if (group.variants.empty())
            return false;
    std::vector<std::string> answers;
    std::vector<bool> used(groups.size(), false);
    std::function<bool()> every_assignment = [&]() {
        if (answers.size() == fields)
            return check_qrocm_dep(answers, groups) == Verdict::Ok;
        for (std::size_t group = 0; group < groups.size(); ++group) {
            if (used[group])
                continue;
            used[group] = true;
            answers.push_back(groups[group].variants.front());
            const bool ok = every_assignment();
            answers.pop_back();
            used[group] = false;
            if (!ok)
                return false;
        }
        return true;
    };
    if (!every_assignment())
        return false;
    for (std::size_t group = 0; group < groups.size(); ++group)
        for (const std::string& variant : groups[group].variants)
            for (std::size_t field = 0; field < fields; ++field) {
                std::vector<std::string> typed;
                for (std::size_t other = 1; typed.size() + 1 < fields; ++other)
                    typed.push_back(groups[(group + other) % groups.size()].variants.front());
                typed.insert(typed.begin() + static_cast<std::ptrdiff_t>(field), variant);
                if (check_qrocm_dep(typed, groups) != Verdict::Ok)
                    return false;
            }
    return true;
}

} // namespace

std::vector<std::string> self_check_solutions(const Content& content) {
    std::vector<std::string> wrong;
    for (const auto& [id, challenge] : content.challenges) {
        bool ok = false;
        switch (challenge.type) {
        case ChallengeType::Qcu:
            ok = qcu_holds(challenge);
            break;
        case ChallengeType::Qcm:
            ok = qcm_holds(challenge);
            break;
        case ChallengeType::Qroc:
            ok = qroc_holds(challenge);
            break;
        case ChallengeType::QrocmInd:
            ok = qrocm_ind_holds(challenge);
            break;
        case ChallengeType::QrocmDep:
            ok = qrocm_dep_holds(challenge);
            break;
        }
        if (!ok)
            wrong.push_back(challenge.source + ": " + id);
    }
    return wrong;
}

} // namespace numeria::content
