#include "organizations/learners/import_plan.hpp"

#include <set>

namespace numeria::organizations {

namespace {

bool same_record(LearnerRecord stored, const LearnerRecord& incoming) {
    stored.line = incoming.line;
    return stored == incoming;
}

} // namespace

ImportPlan plan_import(const std::vector<Learner>& existing, const std::vector<LearnerRecord>& incoming,
                       const std::map<std::string, std::int64_t>& accounts_elsewhere, bool disable_absent) {
    ImportPlan plan;
    std::map<std::string, const Learner*> by_key;
    for (const Learner& learner : existing) {
        by_key[learner.record.key] = &learner;
        plan.active_before += learner.disabled ? 0 : 1;
    }
    std::set<std::string> in_file;
    for (const LearnerRecord& record : incoming) {
        in_file.insert(record.key);
        auto elsewhere = accounts_elsewhere.find(record.key);
        const std::optional<std::int64_t> inherited =
            elsewhere == accounts_elsewhere.end() ? std::nullopt : std::optional<std::int64_t>(elsewhere->second);
        auto found = by_key.find(record.key);
        if (found == by_key.end()) {
            // Rule: §3.1: the account already linked elsewhere through the same INE follows the pupil.
            plan.to_create.emplace_back(record, inherited);
            continue;
        }
        const Learner& learner = *found->second;
        // Rule: issue 5 item 4: a learner record's link to an account is never lost. Item 7: an
        // account a teacher dissociated as wrongly linked is never linked again by an import.
        const bool attach = !learner.user_id && inherited && inherited != learner.dissociated_user_id;
        if (same_record(learner.record, record) && !learner.disabled && !attach) {
            ++plan.unchanged;
            continue;
        }
        plan.to_update.push_back(LearnerUpdate{learner.id, record, attach ? inherited : learner.user_id});
    }
    // Rule: §3.1: learners of the organisation absent from the file are disabled.
    if (disable_absent)
        for (const Learner& learner : existing)
            if (!learner.disabled && !in_file.count(learner.record.key))
                plan.to_disable.push_back(learner.id);
    return plan;
}

} // namespace numeria::organizations
