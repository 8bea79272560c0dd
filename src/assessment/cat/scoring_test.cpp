#include "assessment/cat/bank_generator.hpp"
#include "assessment/cat/scoring.hpp"
#include "assessment/cat/test_runner.hpp"

#include <gtest/gtest.h>

namespace numeria::assessment::cat {
namespace {

const ScoringConfig CONFIG = default_scoring();

// Worked values of pix-reference.md §2.5 and cat-reference.md §1.5.
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

TEST(CompetenceLevel, FollowsTheIntervalEdges) {
    const std::vector<double>& starts = CONFIG.level_starts.at("1.1");
    EXPECT_EQ(competence_level(-2.0001, starts), 0);
    EXPECT_EQ(competence_level(-2.0, starts), 1);
    EXPECT_EQ(competence_level(0.4999, starts), 2);
    EXPECT_EQ(competence_level(0.5, starts), 3);
    EXPECT_EQ(competence_level(3.9999, starts), 6);
    EXPECT_EQ(competence_level(4.0, starts), 7);
    EXPECT_EQ(competence_level(100.0, starts), 7);
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

} // namespace
} // namespace numeria::assessment::cat
