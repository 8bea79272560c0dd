// import_plan.hpp: what applying an import file changes, computed before anything is written
// (docs/rules/student-import.md "Applying the import").
#pragma once

#include "organizations/learners/learner.hpp"

#include <map>
#include <string>
#include <vector>

namespace numeria::organizations {

struct LearnerUpdate {
    LearnerId id = 0;
    LearnerRecord record;
    std::optional<std::int64_t> user_id; // set only to attach an account, never to detach one
};

// An account linked to a learner of another organisation through the same key (INE), with the
// identity that organisation knows for it.
struct AccountElsewhere {
    std::int64_t user_id = 0;
    std::int64_t organization_id = 0;
    LearnerRecord record;
};

// An account of another organisation the plan links to a learner of this one (its school is told).
struct InheritedAccount {
    std::int64_t user_id = 0;
    std::int64_t from_organization = 0;
    LearnerRecord record; // as the file gives it
};

struct ImportPlan {
    std::vector<std::pair<LearnerRecord, std::optional<std::int64_t>>> to_create; // record, inherited account
    std::vector<LearnerUpdate> to_update;     // changed identity/class, re-enabled, or account attached
    std::vector<LearnerId> to_disable;        // active learners absent from the file
    std::vector<InheritedAccount> inherited;  // accounts linked from another organisation
    std::vector<LearnerRecord> not_inherited; // an account exists elsewhere under another identity
    int unchanged = 0;
    int active_before = 0;

    // Rule: docs/rules/student-import.md "Year rollover guard": an import that would disable more than half of the
    // active learners asks for confirmation first (likely a new school year, or the wrong file).
    [[nodiscard]] bool needs_confirmation() const {
        return active_before > 0 && static_cast<int>(to_disable.size()) * 2 > active_before;
    }
};

// `existing`: every learner of the organisation (active or not); `incoming`: the file's learners;
// `accounts_elsewhere`: key (INE) → accounts already linked in other organisations, the most
// recently updated first; `disable_absent`: false only for the SUP "add" mode.
[[nodiscard]] ImportPlan plan_import(const std::vector<Learner>& existing, const std::vector<LearnerRecord>& incoming,
                                     const std::map<std::string, std::vector<AccountElsewhere>>& accounts_elsewhere,
                                     bool disable_absent);

} // namespace numeria::organizations
