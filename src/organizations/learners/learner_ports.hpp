// learner_ports.hpp: what the learner use cases need from storage.
#pragma once

#include "core/clock.hpp"
#include "organizations/learners/import_issue.hpp"
#include "organizations/learners/import_plan.hpp"
#include "organizations/learners/learner.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace numeria::organizations {

class LearnerRepository {
public:
    virtual ~LearnerRepository() = default;
    // Every learner of the organisation, active or disabled.
    [[nodiscard]] virtual std::vector<Learner> list_all(std::int64_t organization) = 0;
    // key (INE) → the learners of OTHER organisations linked to an account, with their organisation
    // and identity, the most recently updated first.
    [[nodiscard]] virtual std::map<std::string, std::vector<AccountElsewhere>>
    accounts_elsewhere(std::int64_t organization, const std::set<std::string>& keys) = 0;
    // Writes the whole plan; the caller runs it inside one transaction.
    virtual void apply(std::int64_t organization, const ImportPlan& plan, EpochMs now) = 0;
};

} // namespace numeria::organizations
