#include "assessment/cat/bank_generator.hpp"
#include "assessment/cat/scoring.hpp"
#include "assessment/cat/test_runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace numeria::assessment::cat {
namespace {

const ScoringConfig CONFIG = default_scoring();

// Item exclusions alone (designated initializers would leave the other members unnamed).
Exclusions excluded_items(std::vector<int> items) {
    Exclusions excluded;
    excluded.items = std::move(items);
    return excluded;
}

// Worked values of docs/rules/certification-engine.md "Certified score".
TEST(CertifiedScore, IsZeroAtOrBelowTheFirstBound) {
    EXPECT_EQ(certified_score(-8.0, CONFIG), 0);
    EXPECT_EQ(certified_score(-9.5, CONFIG), 0);
}

TEST(CertifiedScore, StartsTheSecondIntervalAt64) {
    EXPECT_EQ(certified_score(-1.4, CONFIG), 64);
}

TEST(CertifiedScore, Gives187AtZero) {
    EXPECT_EQ(certified_score(0.0, CONFIG), 187);
}

TEST(CertifiedScore, Gives312AtOne) {
    EXPECT_EQ(certified_score(1.0, CONFIG), 312);
}

TEST(CertifiedScore, Gives768AtFour) {
    EXPECT_EQ(certified_score(4.0, CONFIG), 768);
}

TEST(CertifiedScore, StaysJustBelowTheNextBandBeforeABound) {
    EXPECT_EQ(certified_score(0.5999999, CONFIG), 255);
}

TEST(CertifiedScore, IsCappedAt895) {
    EXPECT_EQ(certified_score(8.0, CONFIG), 895);
    EXPECT_EQ(certified_score(7.9999, CONFIG), 895);
}

// Rule: docs/rules/certification-engine.md "Certified score": each interval starts its mesh band exactly.
TEST(CertifiedScore, StartsEachMeshBandAtItsLowerBound) {
    EXPECT_EQ(certified_score(-0.519, CONFIG), 128);
    EXPECT_EQ(certified_score(0.6, CONFIG), 256);
    EXPECT_EQ(certified_score(1.5, CONFIG), 384);
    EXPECT_EQ(certified_score(2.25, CONFIG), 512);
    EXPECT_EQ(certified_score(3.1, CONFIG), 640);
}

TEST(CertifiedScore, StaysInThePreviousBandJustBelowEachBound) {
    EXPECT_EQ(certified_score(-0.5190001, CONFIG), 127);
    EXPECT_EQ(certified_score(1.4999999, CONFIG), 383);
    EXPECT_EQ(certified_score(2.2499999, CONFIG), 511);
    EXPECT_EQ(certified_score(3.0999999, CONFIG), 639);
}

// (θ − min)/(max − min) gives 0.23437499999999997 here, hence 78; the reference's expression gives
// exactly 0.234375 and 64 × 1.234375 = 79.
TEST(CertifiedScore, UsesTheReferenceExpressionOfTheProgression) {
    EXPECT_EQ(certified_score(-1.193515625, CONFIG), 79);
}

TEST(CertifiedScore, UsesAConfiguredMesh) {
    ScoringConfig config = CONFIG;
    config.bounds = {-1.0, 0.0, 1.0};
    config.mesh = {{100, 0}, {200, 1}};

    EXPECT_EQ(certified_score(-0.5, config), 50);
    EXPECT_EQ(certified_score(0.25, config), 250);
}

TEST(CompetenceLevel, FollowsTheIntervalEdgesOfTheDefaultTable) {
    const LevelTable& table = CONFIG.levels.at("1.1");
    EXPECT_EQ(competence_level(-2.0001, table), 0);
    EXPECT_EQ(competence_level(-2.0, table), 1);
    EXPECT_EQ(competence_level(0.4999, table), 2);
    EXPECT_EQ(competence_level(0.5, table), 3);
    EXPECT_EQ(competence_level(3.9999, table), 6);
    EXPECT_EQ(competence_level(4.0, table), 7);
    EXPECT_EQ(competence_level(100.0, table), 7);
}

// The national platform's older calibrated table of 1.2, whose level 4 is empty
// (docs/rules/certification-engine.md "Competence levels").
const LevelTable TABLE_1_2{{0, -5.34, -1.8162}, {1, -1.8162, -0.9719}, {2, -0.9719, 0.9403}, {3, 0.9403, 2.8168},
                           {4, 2.8168, 2.1678}, {5, 2.1678, 5.4971},   {6, 5.4971, 6.8491},  {7, 6.8491, 7.3741}};

TEST(CompetenceLevel, TakesTheFirstIntervalThatHoldsTheCapacity) {
    EXPECT_EQ(competence_level(2.5, TABLE_1_2), 3);
    EXPECT_EQ(competence_level(2.8167, TABLE_1_2), 3);
}

TEST(CompetenceLevel, NeverGivesTheLevelOfAnEmptyInterval) {
    EXPECT_EQ(competence_level(2.8168, TABLE_1_2), 5);
    EXPECT_EQ(competence_level(5.4970, TABLE_1_2), 5);
    EXPECT_EQ(competence_level(5.4971, TABLE_1_2), 6);
}

TEST(CompetenceLevel, StretchesTheLowestAndHighestIntervals) {
    EXPECT_EQ(competence_level(-5.35, TABLE_1_2), 0);
    EXPECT_EQ(competence_level(-1e9, TABLE_1_2), 0);
    EXPECT_EQ(competence_level(7.3741, TABLE_1_2), 7);
    EXPECT_EQ(competence_level(1e9, TABLE_1_2), 7);
}

TEST(CheckScoring, AcceptsTheDefaultConfigurationAndANonMonotoneTable) {
    ScoringConfig config = CONFIG;
    config.levels["1.2"] = TABLE_1_2;

    EXPECT_TRUE(check_scoring(config).has_value());
}

TEST(CheckScoring, RefusesBoundsThatDoNotAscend) {
    ScoringConfig config = CONFIG;
    config.bounds[3] = config.bounds[2];

    ASSERT_FALSE(check_scoring(config).has_value());
    EXPECT_EQ(check_scoring(config).error().reason, "cat.scoring.bounds_not_ascending");
}

TEST(CheckScoring, RefusesBoundsThatDoNotNumberOneMoreThanTheMesh) {
    ScoringConfig config = CONFIG;
    config.bounds.pop_back();

    ASSERT_FALSE(check_scoring(config).has_value());
    EXPECT_EQ(check_scoring(config).error().reason, "cat.scoring.bounds_count");
}

TEST(CheckScoring, RefusesALevelTableWithAGap) {
    ScoringConfig config = CONFIG;
    config.levels["2.1"] = {{0, -3.0, 0.0}, {1, 0.5, 3.0}};

    ASSERT_FALSE(check_scoring(config).has_value());
    EXPECT_EQ(check_scoring(config).error().reason, "cat.scoring.levels_gap");
    EXPECT_EQ(level_table_gap(config.levels["2.1"]), 0.0);
}

TEST(CheckScoring, RefusesALevelAboveSeven) {
    ScoringConfig config = CONFIG;
    config.levels["2.1"] = {{0, -3.0, 0.0}, {8, 0.0, 3.0}};

    ASSERT_FALSE(check_scoring(config).has_value());
    EXPECT_EQ(check_scoring(config).error().reason, "cat.scoring.level_interval");
}

TEST(Abandonment, RejectsFewerThanTwentyAnswersWithAReason) {
    EXPECT_EQ(abandonment_outcome(19, 32, AbortReason::Candidate, CONFIG), Outcome::Rejected);
    EXPECT_EQ(abandonment_outcome(19, 32, AbortReason::Technical, CONFIG), Outcome::Rejected);
}

TEST(Abandonment, CountsTheMissingQuestionsAsWrongFromTwentyAnswers) {
    EXPECT_EQ(abandonment_outcome(20, 32, AbortReason::Candidate, CONFIG), Outcome::CompletedAsWrong);
}

TEST(Abandonment, KeepsATechnicalStopAfterTwentyAnswersAsIs) {
    EXPECT_EQ(abandonment_outcome(25, 32, AbortReason::Technical, CONFIG), Outcome::ValidatedAsIs);
}

TEST(Abandonment, ValidatesACompleteTest) {
    EXPECT_EQ(abandonment_outcome(32, 32, AbortReason::Candidate, CONFIG), Outcome::Validated);
    EXPECT_EQ(abandonment_outcome(12, 32, AbortReason::None, CONFIG), Outcome::Validated);
}

TEST(Abandonment, FillsTheTestWithWrongAnswersAndLowersTheEstimate) {
    const Bank bank = generate_bank(4);
    SelectionRules rules;
    rules.one_per_tube = true;
    const Selector selector(bank, rules);
    std::mt19937_64 random(2);
    TestRecord all = run_test(selector, GridConfig{}, random, [](int, int) { return true; });
    TestRecord left = all;
    left.items.resize(22);
    left.correct.resize(22);
    EapEstimator partial;
    for (int item : left.items)
        partial.update(bank.items()[static_cast<std::size_t>(item)].a, bank.items()[static_cast<std::size_t>(item)].b,
                       true);

    const TestRecord completed = complete_as_wrong(bank, rules, GridConfig{}, left);

    ASSERT_EQ(completed.items.size(), 32U);
    for (std::size_t i = 22; i < 32; ++i)
        EXPECT_FALSE(completed.correct[i]);
    EXPECT_LT(completed.eap, partial.eap());
}

// Rule: docs/rules/certification-engine.md "Exclusions": the completion of an abandoned test keeps the
// candidate's exclusions (incidents, accessibility).
TEST(Abandonment, DrawsTheMissingQuestionsOutsideTheCandidatesExclusions) {
    const Bank bank = generate_bank(4);
    SelectionRules rules;
    rules.one_per_tube = true;
    const Selector selector(bank, rules);
    std::mt19937_64 random(2);
    TestRecord left = run_test(selector, GridConfig{}, random, [](int, int) { return true; });
    left.items.resize(22);
    left.correct.resize(22);
    const TestRecord unrestricted = complete_as_wrong(bank, rules, GridConfig{}, left);
    const std::vector<int> excluded(unrestricted.items.begin() + 22, unrestricted.items.end());

    const TestRecord completed = complete_as_wrong(bank, rules, GridConfig{}, left, excluded_items(excluded));

    ASSERT_EQ(completed.items.size(), 32U);
    for (std::size_t i = 22; i < 32; ++i)
        EXPECT_EQ(std::count(excluded.begin(), excluded.end(), completed.items[i]), 0) << "question " << i + 1;
}

// The generated bank of seed 4 where each tube is one skill and one item in three is not accessible.
Bank skills_and_accessibility() {
    const Bank generated = generate_bank(4);
    Bank bank;
    for (const Item& item : generated.items()) {
        const std::string& tube = generated.tubes()[static_cast<std::size_t>(item.tube)];
        bank.add(item.id, generated.competences()[static_cast<std::size_t>(item.competence)], tube, item.a, item.b,
                 "acquis " + tube, bank.size() % 3 != 0);
    }
    return bank;
}

// Twenty-two answers of a test under `excluded`, the candidate having left.
TestRecord left_after_22(const Bank& bank, const SelectionRules& rules, const Exclusions& excluded) {
    const Selector selector(bank, rules);
    std::mt19937_64 random(2);
    TestRecord left = run_test(
        selector, GridConfig{}, random, [](int, int) { return true; }, nullptr, excluded);
    left.items.resize(22);
    left.correct.resize(22);
    return left;
}

TEST(Abandonment, DrawsTheMissingQuestionsOutsideTheExcludedSkills) {
    const Bank bank = skills_and_accessibility();
    SelectionRules rules;
    rules.one_per_tube = false;
    const TestRecord left = left_after_22(bank, rules, {});
    const TestRecord unrestricted = complete_as_wrong(bank, rules, GridConfig{}, left);
    Exclusions excluded;
    for (std::size_t i = 22; i < unrestricted.items.size(); ++i)
        excluded.skills.push_back(bank.skills()[static_cast<std::size_t>(
            bank.items()[static_cast<std::size_t>(unrestricted.items[i])].skill)]);

    const TestRecord completed = complete_as_wrong(bank, rules, GridConfig{}, left, excluded);

    ASSERT_EQ(completed.items.size(), 32U);
    for (std::size_t i = 22; i < 32; ++i) {
        const Item& item = bank.items()[static_cast<std::size_t>(completed.items[i])];
        EXPECT_EQ(std::count(excluded.skills.begin(), excluded.skills.end(),
                             bank.skills()[static_cast<std::size_t>(item.skill)]),
                  0)
            << "question " << i + 1;
    }
}

TEST(Abandonment, DrawsTheMissingQuestionsAmongAccessibleItemsForACandidateWhoNeedsAdaptations) {
    const Bank bank = skills_and_accessibility();
    SelectionRules rules;
    rules.one_per_tube = true;
    Exclusions adaptations;
    adaptations.needs_adaptations = true;
    const TestRecord left = left_after_22(bank, rules, adaptations);
    const TestRecord unrestricted = complete_as_wrong(bank, rules, GridConfig{}, left);
    ASSERT_TRUE(std::any_of(unrestricted.items.begin() + 22, unrestricted.items.end(),
                            [&](int item) { return !bank.items()[static_cast<std::size_t>(item)].accessible; }));

    const TestRecord completed = complete_as_wrong(bank, rules, GridConfig{}, left, adaptations);

    ASSERT_EQ(completed.items.size(), 32U);
    for (std::size_t i = 0; i < 32; ++i)
        EXPECT_TRUE(bank.items()[static_cast<std::size_t>(completed.items[i])].accessible) << "question " << i + 1;
}

} // namespace
} // namespace numeria::assessment::cat
