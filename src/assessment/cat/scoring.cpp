#include "assessment/cat/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace numeria::assessment::cat {

ScoringConfig default_scoring() {
    ScoringConfig config;
    const std::vector<double> starts{-2.0, -1.0, 0.5, 1.0, 2.0, 3.0, 4.0};
    for (const char* code : {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2",
                             "4.3", "5.1", "5.2"})
        config.level_starts[code] = starts;
    return config;
}

int certified_score(double capacity, const ScoringConfig& config) {
    const std::vector<double>& bounds = config.bounds;
    if (capacity <= bounds.front())
        return 0;
    if (capacity >= bounds.back())
        return config.max_score;
    std::size_t interval = 0;
    while (interval + 2 < bounds.size() && capacity >= bounds[interval + 1])
        ++interval;
    const double low = bounds[interval];
    const double high = bounds[interval + 1];
    const double progression = (capacity - low) / (high - low);
    const MeshStep& step = config.mesh[std::min(interval, config.mesh.size() - 1)];
    const int score = static_cast<int>(std::floor(step.weight * (step.coefficient + progression)));
    return std::min(score, config.max_score);
}

int competence_level(double capacity, const std::vector<double>& level_starts) {
    int level = 0;
    for (double start : level_starts)
        if (capacity >= start)
            ++level;
    return level;
}

Outcome abandonment_outcome(int answers, int length, AbortReason reason, const ScoringConfig& config) {
    if (reason == AbortReason::None || answers >= length)
        return Outcome::Validated;
    if (answers < config.minimum_answers)
        return Outcome::Rejected;
    return reason == AbortReason::Candidate ? Outcome::CompletedAsWrong : Outcome::ValidatedAsIs;
}

} // namespace numeria::assessment::cat
