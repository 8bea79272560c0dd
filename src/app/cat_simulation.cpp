#include "app/cat_simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace numeria::app {

namespace {

using assessment::cat::Bank;
using assessment::cat::EapEstimator;
using assessment::cat::ExposureCounts;
using assessment::cat::GridConfig;
using assessment::cat::Item;
using assessment::cat::SelectionRules;
using assessment::cat::Selector;
using assessment::cat::TestState;
using Clock = std::chrono::steady_clock;

struct Totals {
    double squared_error = 0, error = 0, sd = 0, information = 0;
    double sum_true = 0, sum_est = 0, sum_true2 = 0, sum_est2 = 0, sum_cross = 0;
    double selection_ns = 0, update_ns = 0;
    long selections = 0, updates = 0;
    std::vector<std::uint32_t> shown; // per item, over the run
};

// One candidate's test; `oracle` selects at the true θ instead of the estimate.
void run_one(const Selector& selector, const GridConfig& grid, double theta, bool oracle, std::mt19937_64& random,
             ExposureCounts* exposure, Totals& totals) {
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    TestState state = selector.start();
    EapEstimator estimator(grid);
    double information = 0;
    for (;;) {
        const auto selection_start = Clock::now();
        const std::optional<int> next = selector.next(state, oracle ? theta : estimator.eap(), random, exposure);
        const double selection_ns = std::chrono::duration<double, std::nano>(Clock::now() - selection_start).count();
        // The call that finds the test complete selects nothing: it is not counted.
        if (!next)
            break;
        totals.selection_ns += selection_ns;
        ++totals.selections;
        const Item& item = selector.bank().items()[static_cast<std::size_t>(*next)];
        const bool correct = uniform(random) < assessment::cat::probability(item.a, item.b, theta);
        selector.record(state, *next);
        information += assessment::cat::information(item.a, item.b, theta);
        if (exposure)
            ++exposure->shown[static_cast<std::size_t>(*next)];
        const auto update_start = Clock::now();
        estimator.update(item.a, item.b, correct);
        totals.update_ns += std::chrono::duration<double, std::nano>(Clock::now() - update_start).count();
        ++totals.updates;
    }
    const double estimate = estimator.eap();
    totals.squared_error += (estimate - theta) * (estimate - theta);
    totals.error += estimate - theta;
    totals.sd += estimator.sd();
    totals.information += information;
    totals.sum_true += theta;
    totals.sum_est += estimate;
    totals.sum_true2 += theta * theta;
    totals.sum_est2 += estimate * estimate;
    totals.sum_cross += theta * estimate;
}

// The tests of `thetas` with `selector`, each with exposure counts of its own run when `exposed`;
// `oracle` selects at the true θ.
Totals run_all(const Selector& selector, const GridConfig& grid, const std::vector<double>& thetas, bool oracle,
               bool exposed, std::mt19937_64& random) {
    ExposureCounts exposure;
    exposure.shown.assign(static_cast<std::size_t>(selector.bank().size()), 0);
    Totals totals;
    for (double theta : thetas) {
        run_one(selector, grid, theta, oracle, random, exposed ? &exposure : nullptr, totals);
        ++exposure.tests;
    }
    totals.shown = std::move(exposure.shown);
    return totals;
}

} // namespace

nlohmann::json simulate_tests(const Bank& bank, const SelectionRules& rules, const GridConfig& grid,
                              const SimulationSettings& settings) {
    std::mt19937_64 random(settings.seed);
    std::normal_distribution<double> population(0.0, 1.0);
    std::vector<double> thetas;
    thetas.reserve(static_cast<std::size_t>(std::max(settings.simulees, 0)));
    for (int i = 0; i < settings.simulees; ++i)
        thetas.push_back(population(random));
    const Selector selector(bank, rules);
    const Totals totals = run_all(selector, grid, thetas, false, true, random);
    // Rule: docs/rules/certification-engine.md "Command line" (docs/adr/0006 explains the reading): the
    // precision target is measured
    // against an oracle that selects at the true θ under the SAME rules, exposure control included,
    // with exposure counts of its own; the oracle without exposure control is reported beside it.
    std::mt19937_64 oracle_random(settings.seed + 1);
    const Totals oracle = run_all(selector, grid, thetas, true, true, oracle_random);
    SelectionRules free_rules = rules;
    free_rules.randomesque = 1;
    free_rules.max_exposure_rate = 0;
    free_rules.exposure_penalty = 0;
    const Selector free_selector(bank, free_rules);
    std::mt19937_64 free_random(settings.seed + 2);
    const Totals free_oracle = run_all(free_selector, grid, thetas, true, false, free_random);

    const double n = settings.simulees;
    const double prior_precision = 1.0 / (grid.prior_sd * grid.prior_sd);
    // Rule: docs/rules/certification-engine.md "Command line": the van Trees bound sqrt(1 / (E[I] + 1/σ²_prior)).
    auto van_trees = [&](const Totals& of) { return std::sqrt(1.0 / (of.information / n + prior_precision)); };
    const double covariance = totals.sum_cross / n - (totals.sum_true / n) * (totals.sum_est / n);
    const double var_true = totals.sum_true2 / n - std::pow(totals.sum_true / n, 2);
    const double var_est = totals.sum_est2 / n - std::pow(totals.sum_est / n, 2);
    const std::uint32_t most_shown = *std::max_element(totals.shown.begin(), totals.shown.end());
    const auto unused = std::count(totals.shown.begin(), totals.shown.end(), 0U);
    const double rmse = std::sqrt(totals.squared_error / n);
    return {
        {"n", settings.simulees},
        {"length", rules.length},
        {"rmse", rmse},
        {"bias", totals.error / n},
        {"mean_sd", totals.sd / n},
        {"correlation", covariance / std::sqrt(var_true * var_est)},
        {"max_exposure", most_shown / n},
        {"unused_items_pct", 100.0 * static_cast<double>(unused) / bank.size()},
        {"mean_test_information", totals.information / n},
        {"van_trees_bound", van_trees(totals)},
        {"oracle_mean_test_information", oracle.information / n},
        {"oracle_max_exposure", *std::max_element(oracle.shown.begin(), oracle.shown.end()) / n},
        {"oracle_van_trees_bound", van_trees(oracle)},
        {"oracle_free_mean_test_information", free_oracle.information / n},
        {"oracle_free_van_trees_bound", van_trees(free_oracle)},
        {"rmse_over_oracle_bound", rmse / van_trees(oracle)},
        {"us_per_selection", totals.selection_ns / static_cast<double>(totals.selections) / 1000.0},
        {"us_per_update", totals.update_ns / static_cast<double>(totals.updates) / 1000.0},
    };
}

} // namespace numeria::app
