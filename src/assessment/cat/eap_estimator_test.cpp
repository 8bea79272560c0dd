#include "assessment/cat/eap_estimator.hpp"
#include "assessment/cat/irt.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <tuple>
#include <vector>

namespace numeria::assessment::cat {
namespace {

using Answer = std::tuple<double, double, bool>; // a, b, correct

// Posterior mean and SD by Simpson's rule on 24 000 intervals of [-6, 6], computed from scratch.
std::pair<double, double> brute_force(const std::vector<Answer>& answers, double mean, double sd) {
    const int intervals = 24000;
    const double low = -6.0;
    const double high = 6.0;
    const double h = (high - low) / intervals;
    double z = 0, first = 0, second = 0;
    for (int i = 0; i <= intervals; ++i) {
        const double theta = low + h * i;
        double density = std::exp(-0.5 * std::pow((theta - mean) / sd, 2));
        for (const auto& [a, b, correct] : answers) {
            const double p = probability(a, b, theta);
            density *= correct ? p : 1.0 - p;
        }
        const double weight = (i == 0 || i == intervals) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
        z += weight * density;
        first += weight * density * theta;
        second += weight * density * theta * theta;
    }
    const double eap = first / z;
    return {eap, std::sqrt(second / z - eap * eap)};
}

const std::vector<Answer> PATTERN = {{1.2, -0.5, true}, {0.8, 0.3, true},  {2.1, 1.0, false},
                                     {0.5, -1.7, true}, {1.6, 0.6, false}, {1.0, 0.0, true}};

TEST(EapEstimator, MatchesABruteForceIntegrationOfThePosterior) {
    EapEstimator estimator;
    for (const auto& [a, b, correct] : PATTERN)
        estimator.update(a, b, correct);

    const auto [eap, sd] = brute_force(PATTERN, 0.0, 1.0);
    EXPECT_NEAR(estimator.eap(), eap, 1e-7);
    EXPECT_NEAR(estimator.sd(), sd, 1e-7);
}

TEST(EapEstimator, MatchesTheBruteForceWithAnotherPrior) {
    EapEstimator estimator(GridConfig{0.5, 1.3, -6.0, 6.0, 241});
    for (const auto& [a, b, correct] : PATTERN)
        estimator.update(a, b, correct);

    const auto [eap, sd] = brute_force(PATTERN, 0.5, 1.3);
    EXPECT_NEAR(estimator.eap(), eap, 1e-7);
    EXPECT_NEAR(estimator.sd(), sd, 1e-7);
}

// Up to the prior's mass beyond the grid, here 5.6 SD away (about 1e-8).
TEST(EapEstimator, StartsAtThePriorMean) {
    EapEstimator estimator(GridConfig{0.4, 1.0, -6.0, 6.0, 241});

    EXPECT_NEAR(estimator.eap(), 0.4, 1e-6);
    EXPECT_NEAR(estimator.sd(), 1.0, 1e-6);
}

TEST(EapEstimator, MirrorsAMirroredBankAndPattern) {
    EapEstimator estimator;
    EapEstimator mirrored;
    for (const auto& [a, b, correct] : PATTERN) {
        estimator.update(a, b, correct);
        mirrored.update(a, -b, !correct);
    }

    EXPECT_NEAR(mirrored.eap(), -estimator.eap(), 1e-12);
    EXPECT_NEAR(mirrored.sd(), estimator.sd(), 1e-12);
}

TEST(EapEstimator, AllCorrectAnswersRaiseTheEstimateWithEveryAnswer) {
    EapEstimator estimator;
    double previous = estimator.eap();
    for (int i = 0; i < 32; ++i) {
        estimator.update(1.0 + 0.05 * i, 0.1 * i, true);
        EXPECT_GT(estimator.eap(), previous) << "after " << i + 1 << " answers";
        previous = estimator.eap();
    }
}

TEST(EapEstimator, DoesNotDependOnTheOrderOfTheAnswers) {
    EapEstimator forward;
    EapEstimator backward;
    for (std::size_t i = 0; i < PATTERN.size(); ++i) {
        const auto& [a, b, correct] = PATTERN[i];
        forward.update(a, b, correct);
        const auto& [a2, b2, correct2] = PATTERN[PATTERN.size() - 1 - i];
        backward.update(a2, b2, correct2);
    }

    EXPECT_NEAR(forward.eap(), backward.eap(), 1e-12);
}

TEST(EapEstimator, StaysFiniteWithVeryDiscriminatingItemsAtTheGridEdge) {
    EapEstimator estimator(GridConfig{0.0, 1.0, -9.0, 9.0, 241});
    for (int i = 0; i < 40; ++i)
        estimator.update(4.0, -8.5, true);

    EXPECT_TRUE(std::isfinite(estimator.eap()));
    EXPECT_TRUE(std::isfinite(estimator.sd()));
}

// An item far above the grid: P(θ) ≈ exp(a(θ − b)) at every point, so the posterior is the same
// for any such b (here N(1, 1) cut to the grid); b = 700 takes the update on logarithms.
TEST(EapEstimator, GivesTheSameEstimateForAnItemBeyondTheGridAsForOneNearer) {
    EapEstimator far;
    EapEstimator nearer;
    far.update(1.0, 700.0, true);
    nearer.update(1.0, 400.0, true);

    EXPECT_NEAR(far.eap(), nearer.eap(), 1e-12);
    EXPECT_NEAR(far.sd(), nearer.sd(), 1e-12);
    EXPECT_NEAR(far.eap(), 1.0, 1e-5);
}

// 1 − P(θ) ≈ exp(−3(θ − b)) at every point: the posterior is N(−3, 1) cut to [−6, 6].
TEST(EapEstimator, KeepsAPosteriorAfterAWrongAnswerToAnItemFarBelowTheGrid) {
    EapEstimator estimator;
    estimator.update(3.0, -1000.0, false);

    EXPECT_NEAR(estimator.eap(), -3.0, 0.01);
}

TEST(CheckGrid, AcceptsTheDefaultGrid) {
    EXPECT_TRUE(check_grid(GridConfig{}).has_value());
}

TEST(CheckGrid, RefusesAPriorThatPutsNoMassOnTheGrid) {
    const Status status = check_grid(GridConfig{100.0, 0.1, -6.0, 6.0, 241});

    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().reason, "cat.grid.prior_outside_grid");
}

TEST(CheckGrid, AcceptsAPriorCentredOffTheGridWhoseDensityStillReachesIt) {
    EXPECT_TRUE(check_grid(GridConfig{30.0, 1.0, -6.0, 6.0, 241}).has_value());
}

TEST(CheckGrid, RefusesAnEmptyOrInfiniteRange) {
    EXPECT_EQ(check_grid(GridConfig{0.0, 1.0, 2.0, 2.0, 241}).error().reason, "cat.grid.bounds");
    EXPECT_EQ(check_grid(GridConfig{0.0, 1.0, -1e308, 1e308, 241}).error().reason, "cat.grid.bounds");
}

TEST(Information, IsASquaredTimesPTimesOneMinusP) {
    EXPECT_DOUBLE_EQ(information(2.0, 0.5, 0.5), 1.0);
    const double p = probability(1.3, -0.2, 0.7);
    EXPECT_DOUBLE_EQ(information(1.3, -0.2, 0.7), 1.3 * 1.3 * p * (1.0 - p));
    EXPECT_NEAR(p, 1.0 / (1.0 + std::exp(-1.3 * 0.9)), 1e-15);
}

} // namespace
} // namespace numeria::assessment::cat
