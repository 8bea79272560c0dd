#include "organizations/learners/import_plan.hpp"

#include "organizations/learners/learner_identity.hpp"

#include <set>

namespace numeria::organizations {

namespace {

bool same_record(LearnerRecord stored, const LearnerRecord& incoming) {
    stored.line = incoming.line;
    return stored == incoming;
}

} // namespace

ImportPlan plan_import(const std::vector<Learner>& existing, const std::vector<LearnerRecord>& incoming,
                       const std::map<std::string, std::vector<AccountElsewhere>>& accounts_elsewhere,
                       bool disable_absent) {
    ImportPlan plan;
    std::map<std::string, const Learner*> by_key;
    for (const Learner& learner : existing) {
        by_key[learner.record.key] = &learner;
        plan.active_before += learner.disabled ? 0 : 1;
    }
    std::set<std::string> in_file;
    for (const LearnerRecord& record : incoming) {
        in_file.insert(record.key);
        auto found = by_key.find(record.key);
        const Learner* learner = found == by_key.end() ? nullptr : found->second;
        auto elsewhere = accounts_elsewhere.find(record.key);
        // Rule: docs/rules/student-import.md "Applying the import": the account already linked elsewhere through the
        // same INE follows the pupil, only to a record without account, never an account a teacher dissociated from it,
        // and (docs/rules/student-import.md "Account inheritance") only when the other school knows
        // the same last name, first name and birth date: the INE alone does not give an account.
        std::optional<std::int64_t> inherited;
        if (elsewhere != accounts_elsewhere.end() && !elsewhere->second.empty() && !(learner && learner->user_id)) {
            const AccountElsewhere* same = nullptr;
            bool dissociated = false;
            for (const AccountElsewhere& account : elsewhere->second) {
                dissociated = dissociated || (learner && learner->dissociated_user_id == account.user_id);
                if (!same && same_identity(record, account.record))
                    same = &account;
            }
            if (same && !(learner && learner->dissociated_user_id == same->user_id)) {
                inherited = same->user_id;
                plan.inherited.push_back({same->user_id, same->organization_id, record});
            } else if (!same && !dissociated) {
                plan.not_inherited.push_back(record);
            }
        }
        if (!learner) {
            plan.to_create.emplace_back(record, inherited);
            continue;
        }
        // Rule: docs/rules/student-import.md "Applying the import": a learner record's link to an account
        // is never lost.
        if (same_record(learner->record, record) && !learner->disabled && !inherited) {
            ++plan.unchanged;
            continue;
        }
        plan.to_update.push_back(LearnerUpdate{learner->id, record, inherited ? inherited : learner->user_id});
    }
    // Rule: docs/rules/student-import.md "Applying the import": learners of the organisation absent
    // from the file are disabled.
    if (disable_absent)
        for (const Learner& learner : existing)
            if (!learner.disabled && !in_file.count(learner.record.key))
                plan.to_disable.push_back(learner.id);
    return plan;
}

} // namespace numeria::organizations
