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
        totals.selection_ns += std::chrono::duration<double, std::nano>(Clock::now() - selection_start).count();
        ++totals.selections;
        if (!next)
            break;
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

} // namespace

nlohmann::json simulate_tests(const Bank& bank, const SelectionRules& rules, const GridConfig& grid,
                              const SimulationSettings& settings) {
    const Selector selector(bank, rules);
    std::mt19937_64 random(settings.seed);
    std::normal_distribution<double> population(0.0, 1.0);
    ExposureCounts exposure;
    exposure.shown.assign(static_cast<std::size_t>(bank.size()), 0);
    Totals totals;
    std::vector<double> thetas;
    for (int i = 0; i < settings.simulees; ++i) {
        const double theta = population(random);
        thetas.push_back(theta);
        run_one(selector, grid, theta, false, random, &exposure, totals);
        ++exposure.tests;
    }
    // Rule: issue 6 "Targets": the reference for precision is an oracle that picks the most
    // informative items at the true θ, under the same content rules and without exposure control.
    SelectionRules oracle_rules = rules;
    oracle_rules.randomesque = 1;
    oracle_rules.max_exposure_rate = 0;
    const Selector oracle(bank, oracle_rules);
    Totals oracle_totals;
    std::mt19937_64 oracle_random(settings.seed + 1);
    for (double theta : thetas)
        run_one(oracle, grid, theta, true, oracle_random, nullptr, oracle_totals);

    const double n = settings.simulees;
    const double prior_precision = 1.0 / (grid.prior_sd * grid.prior_sd);
    const double covariance = totals.sum_cross / n - (totals.sum_true / n) * (totals.sum_est / n);
    const double var_true = totals.sum_true2 / n - std::pow(totals.sum_true / n, 2);
    const double var_est = totals.sum_est2 / n - std::pow(totals.sum_est / n, 2);
    const std::uint32_t most_shown = *std::max_element(exposure.shown.begin(), exposure.shown.end());
    const auto unused = std::count(exposure.shown.begin(), exposure.shown.end(), 0U);
    const double rmse = std::sqrt(totals.squared_error / n);
    const double oracle_bound = std::sqrt(1.0 / (oracle_totals.information / n + prior_precision));
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
        // Rule: issue 6 item 2: the van Trees bound sqrt(1 / (E[I] + 1/σ²_prior)).
        {"van_trees_bound", std::sqrt(1.0 / (totals.information / n + prior_precision))},
        {"oracle_mean_test_information", oracle_totals.information / n},
        {"oracle_van_trees_bound", oracle_bound},
        {"rmse_over_oracle_bound", rmse / oracle_bound},
        {"us_per_selection", totals.selection_ns / static_cast<double>(totals.selections) / 1000.0},
        {"us_per_update", totals.update_ns / static_cast<double>(totals.updates) / 1000.0},
    };
}

} // namespace numeria::app
