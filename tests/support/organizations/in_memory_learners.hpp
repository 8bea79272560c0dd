// in_memory_learners.hpp: the learners fake of the organizations unit tests: the organisation's own
// learners, and what other organisations hold (key → accounts linked there).
#pragma once

#include "organizations/learners/learner_ports.hpp"

#include <map>
#include <vector>

namespace numeria::organizations::testing {

class InMemoryLearners final : public LearnerRepository {
public:
    std::vector<Learner> list_all(std::int64_t organization) override {
        std::vector<Learner> result;
        for (const Learner& learner : learners)
            if (learner.organization_id == organization)
                result.push_back(learner);
        return result;
    }
    std::map<std::string, std::vector<AccountElsewhere>>
    accounts_elsewhere(std::int64_t organization, const std::set<std::string>& keys) override {
        std::map<std::string, std::vector<AccountElsewhere>> result;
        for (const auto& [key, accounts] : elsewhere)
            for (const AccountElsewhere& account : accounts)
                if (keys.count(key) && account.organization_id != organization)
                    result[key].push_back(account);
        return result;
    }
    void apply(std::int64_t organization, const ImportPlan& plan, EpochMs) override {
        for (const auto& [record, user] : plan.to_create) {
            Learner learner;
            learner.id = static_cast<LearnerId>(learners.size() + 1);
            learner.organization_id = organization;
            learner.record = record;
            learner.user_id = user;
            learners.push_back(learner);
        }
    }

    std::vector<Learner> learners;
    std::map<std::string, std::vector<AccountElsewhere>> elsewhere;
};

} // namespace numeria::organizations::testing
