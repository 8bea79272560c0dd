#include "assessment/cat/scoring.hpp"

#include "assessment/cat/irt.hpp"
#include "core/assert.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace numeria::assessment::cat {

namespace {

constexpr double INFINITE = std::numeric_limits<double>::infinity();

// The table with its lowest min and highest max stretched to ∓∞ (docs/rules/certification-engine.md
// "Competence levels").
LevelTable stretched(const LevelTable& table) {
    double lowest = INFINITE;
    double highest = -INFINITE;
    for (const LevelInterval& interval : table) {
        lowest = std::min(lowest, interval.min);
        highest = std::max(highest, interval.max);
    }
    LevelTable result = table;
    for (LevelInterval& interval : result) {
        if (interval.min == lowest)
            interval.min = -INFINITE;
        if (interval.max == highest)
            interval.max = INFINITE;
    }
    return result;
}

Status invalid(const char* reason, std::string detail) {
    return fail(Error::invalid(reason, std::move(detail)));
}

} // namespace

LevelTable level_table_from_starts(const std::vector<double>& starts) {
    LevelTable table;
    double low = -INFINITE;
    for (std::size_t level = 0; level < starts.size(); ++level) {
        table.push_back({static_cast<int>(level), low, starts[level]});
        low = starts[level];
    }
    table.push_back({static_cast<int>(starts.size()), low, INFINITE});
    return table;
}

ScoringConfig default_scoring() {
    ScoringConfig config;
    const LevelTable table = level_table_from_starts({-2.0, -1.0, 0.5, 1.0, 2.0, 3.0, 4.0});
    for (const std::string& code : competence_codes())
        config.levels[code] = table;
    return config;
}

Status check_scoring(const ScoringConfig& config) {
    const std::vector<double>& bounds = config.bounds;
    if (bounds.size() != config.mesh.size() + 1)
        return invalid("cat.scoring.bounds_count", "il faut une borne de plus que de paliers (" +
                                                       std::to_string(bounds.size()) + " bornes pour " +
                                                       std::to_string(config.mesh.size()) + " paliers)");
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        if (!std::isfinite(bounds[i]))
            return invalid("cat.scoring.bounds_not_finite", "la borne " + std::to_string(i + 1) + " n'est pas finie");
        if (i > 0 && !(bounds[i] > bounds[i - 1]))
            return invalid("cat.scoring.bounds_not_ascending",
                           "les bornes doivent croître strictement (borne " + std::to_string(i + 1) + ")");
    }
    for (std::size_t i = 0; i < config.mesh.size(); ++i)
        if (config.mesh[i].weight <= 0 || config.mesh[i].coefficient < 0)
            return invalid("cat.scoring.mesh_step", "palier " + std::to_string(i + 1) +
                                                        " : poids positif et coefficient positif ou nul attendus");
    for (const auto& [code, table] : config.levels) {
        if (table.empty())
            return invalid("cat.scoring.levels_empty", "compétence " + code + " : table de niveaux vide");
        for (const LevelInterval& interval : table)
            if (interval.level < 0 || interval.level > 7 || std::isnan(interval.min) || std::isnan(interval.max))
                return invalid("cat.scoring.level_interval",
                               "compétence " + code + " : niveaux de 0 à 7 et bornes numériques attendus");
        if (const auto gap = level_table_gap(table))
            return invalid("cat.scoring.levels_gap", "compétence " + code +
                                                         " : aucun intervalle ne donne de niveau à la capacité " +
                                                         std::to_string(*gap));
    }
    return {};
}

int certified_score(double capacity, const ScoringConfig& config) {
    NUMERIA_ASSERT(std::isfinite(capacity), "capacity must be finite");
    const std::vector<double>& bounds = config.bounds;
    NUMERIA_ASSERT(bounds.size() == config.mesh.size() + 1, "one bound more than mesh steps");
    if (capacity <= bounds.front())
        return 0;
    if (capacity >= bounds.back())
        return config.max_score;
    std::size_t interval = 0;
    while (interval + 2 < bounds.size() && capacity >= bounds[interval + 1])
        ++interval;
    const double low = bounds[interval];
    const double high = bounds[interval + 1];
    // Rule: docs/rules/certification-engine.md "Certified score": progression = 1 − (max − cap)/(max − min), this exact
    // expression: (cap − min)/(max − min) rounds differently (θ = −1.193515625 would give 78, not 79).
    const double progression = 1.0 - (high - capacity) / (high - low);
    const MeshStep& step = config.mesh[interval];
    const int score = static_cast<int>(std::floor(step.weight * (step.coefficient + progression)));
    return std::min(score, config.max_score);
}

int competence_level(double capacity, const LevelTable& table) {
    for (const LevelInterval& interval : stretched(table))
        if (interval.min <= capacity && capacity < interval.max)
            return interval.level;
    NUMERIA_ASSERT(false, "the level table gives no level to this capacity (see check_scoring)");
    return 0;
}

std::optional<double> level_table_gap(const LevelTable& table) {
    LevelTable intervals;
    for (const LevelInterval& interval : stretched(table))
        if (interval.min < interval.max)
            intervals.push_back(interval);
    std::sort(intervals.begin(), intervals.end(),
              [](const LevelInterval& x, const LevelInterval& y) { return x.min < y.min; });
    double covered_to = -INFINITE; // every capacity below is covered
    for (const LevelInterval& interval : intervals) {
        if (interval.min > covered_to)
            return std::isinf(covered_to) ? interval.min - 1.0 : covered_to;
        covered_to = std::max(covered_to, interval.max);
    }
    if (covered_to < INFINITE)
        return covered_to;
    return std::nullopt;
}

Outcome abandonment_outcome(int answers, int length, AbortReason reason, const ScoringConfig& config) {
    if (reason == AbortReason::None || answers >= length)
        return Outcome::Validated;
    if (answers < config.minimum_answers)
        return Outcome::Rejected;
    return reason == AbortReason::Candidate ? Outcome::CompletedAsWrong : Outcome::ValidatedAsIs;
}

} // namespace numeria::assessment::cat
