// learner_directory.hpp: the students list, the pupil page and the account links of learners, as
// the Orga pages and the credential use cases need them (the import port is learner_ports.hpp).
#pragma once

#include "core/clock.hpp"
#include "organizations/learners/learner_query.hpp"

#include <optional>
#include <string>
#include <vector>

namespace numeria::organizations {

class LearnerDirectory {
public:
    virtual ~LearnerDirectory() = default;
    [[nodiscard]] virtual LearnerPage search(const LearnerQuery& query) = 0;
    [[nodiscard]] virtual std::optional<LearnerRow> find(std::int64_t organization, LearnerId id) = 0;
    // The classes of the organisation's active learners, sorted.
    [[nodiscard]] virtual std::vector<std::string> divisions(std::int64_t organization) = 0;
    [[nodiscard]] virtual int count_active(std::int64_t organization) = 0;
    // Links a learner to an account.
    virtual void set_user(LearnerId id, std::optional<std::int64_t> user, EpochMs now) = 0;
    // Unlinks the learner's account (a teacher found it wrongly linked) and remembers it, so that
    // imports never link it again (import_plan.cpp).
    virtual void dissociate(LearnerId id, EpochMs now) = 0;
};

} // namespace numeria::organizations
