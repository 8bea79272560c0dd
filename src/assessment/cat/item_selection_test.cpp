#include "assessment/cat/bank_generator.hpp"
#include "assessment/cat/item_selection.hpp"
#include "assessment/cat/test_runner.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace numeria::assessment::cat {
namespace {

// Exclusions of one kind (designated initializers would leave the other members unnamed).
Exclusions excluded_items(std::vector<int> items) {
    Exclusions excluded;
    excluded.items = std::move(items);
    return excluded;
}

Exclusions excluded_skills(std::vector<std::string> skills) {
    Exclusions excluded;
    excluded.skills = std::move(skills);
    return excluded;
}

Exclusions needs_adaptations() {
    Exclusions excluded;
    excluded.needs_adaptations = true;
    return excluded;
}

SelectionRules reference(int length = 32) {
    SelectionRules rules;
    rules.length = length;
    rules.one_per_tube = false;
    return rules;
}

TestRecord run(const Bank& bank, const SelectionRules& rules, double theta, std::uint64_t seed = 3,
               const Exclusions& excluded = {}, const ExposureCounts* exposure = nullptr) {
    const Selector selector(bank, rules);
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    return run_test(
        selector, GridConfig{}, random,
        [&](int item, int) {
            const Item& asked = bank.items()[static_cast<std::size_t>(item)];
            return uniform(random) < probability(asked.a, asked.b, theta);
        },
        exposure, excluded);
}

TEST(ItemSelection, QuotaGivesExactlyTwoQuestionsPerCompetenceIn32) {
    const Bank bank = generate_bank(5);
    for (double theta : {-2.0, 0.0, 1.5}) {
        const TestRecord record = run(bank, reference(), theta);

        std::map<int, int> per_competence;
        for (int item : record.items)
            ++per_competence[bank.items()[static_cast<std::size_t>(item)].competence];
        ASSERT_EQ(record.items.size(), 32U);
        EXPECT_EQ(per_competence.size(), 16U);
        for (const auto& [competence, count] : per_competence)
            EXPECT_EQ(count, 2) << bank.competences()[static_cast<std::size_t>(competence)];
    }
}

TEST(ItemSelection, NeverAsksTwoQuestionsOfOneTubeWhenTheTubeRuleIsOn) {
    const Bank bank = generate_bank(5);
    SelectionRules rules = reference();
    rules.one_per_tube = true;

    const TestRecord record = run(bank, rules, 0.3);

    std::set<int> tubes;
    for (int item : record.items)
        EXPECT_TRUE(tubes.insert(bank.items()[static_cast<std::size_t>(item)].tube).second);
}

TEST(ItemSelection, NeverAsksTheSameItemTwice) {
    const Bank bank = generate_bank(5);

    const TestRecord record = run(bank, reference(), 0.0);

    EXPECT_EQ(std::set<int>(record.items.begin(), record.items.end()).size(), record.items.size());
}

TEST(ItemSelection, NeverAsksAnExcludedItem) {
    const Bank bank = generate_bank(5);
    const TestRecord first = run(bank, reference(), 0.0);
    const std::vector<int> excluded(first.items.begin(), first.items.begin() + 10);

    const TestRecord second = run(bank, reference(), 0.0, 3, excluded_items(excluded));

    for (int item : excluded)
        EXPECT_EQ(std::count(second.items.begin(), second.items.end(), item), 0);
}

// s1 spans two competences; s2 is one item; "seul" has no skill given, so it is its own skill.
Bank skilled_items() {
    Bank bank;
    bank.add("a", "1.1", "t1", 2.0, 0.0, "s1");
    bank.add("b", "1.1", "t2", 1.5, 0.0, "s2");
    bank.add("c", "1.2", "t3", 1.8, 0.0, "s1");
    bank.add("seul", "1.2", "t4", 1.0, 0.0);
    return bank;
}

TEST(ItemSelection, ExcludesEveryItemOfAnExcludedSkillAndOnlyThem) {
    const Bank bank = skilled_items();
    const Selector selector(bank, reference(4));

    const TestState state = selector.start(excluded_skills({"s1"}));

    EXPECT_FALSE(state.usable(0));
    EXPECT_TRUE(state.usable(1));
    EXPECT_FALSE(state.usable(2));
    EXPECT_TRUE(state.usable(3));
}

TEST(ItemSelection, TakesAnItemWithoutASkillAsItsOwnSkill) {
    const Bank bank = skilled_items();
    const Selector selector(bank, reference(4));

    const TestState state = selector.start(excluded_skills({"seul", "inconnue"}));

    EXPECT_EQ(bank.skills(), (std::vector<std::string>{"s1", "s2", "seul"}));
    EXPECT_FALSE(state.usable(3));
    EXPECT_EQ(state.available(0) + state.available(1), 3);
}

TEST(ItemSelection, OffersOnlyAccessibleItemsToACandidateWhoNeedsAdaptations) {
    Bank bank;
    bank.add("image", "1.1", "t1", 2.0, 0.0, {}, false);
    bank.add("texte", "1.1", "t2", 1.0, 0.0);
    const Selector selector(bank, reference(1));
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(selector.start(), 0.0, random), 0);
    EXPECT_EQ(selector.next(selector.start(needs_adaptations()), 0.0, random), 1);
}

// Rule: docs/rules/certification-engine.md "Item selection": the quota counts only competences that still have items:
// with no accessible item in competence 1.1, a candidate who needs adaptations gets none of it, and the 32 questions go
// to the 15 others (2 each, then 2 of them get a third), not "exactly length/16" each.
TEST(ItemSelection, MovesTheQuotaOnWhenACompetenceHasNoAccessibleItem) {
    const Bank generated = generate_bank(5);
    Bank bank;
    for (const Item& item : generated.items())
        bank.add(item.id, generated.competences()[static_cast<std::size_t>(item.competence)],
                 generated.tubes()[static_cast<std::size_t>(item.tube)], item.a, item.b, {}, item.competence != 0);

    const TestRecord record = run(bank, reference(), 0.4, 3, needs_adaptations());

    std::map<int, int> per_competence;
    for (int item : record.items)
        ++per_competence[bank.items()[static_cast<std::size_t>(item)].competence];
    ASSERT_EQ(record.items.size(), 32U);
    EXPECT_EQ(per_competence.count(0), 0U);
    EXPECT_EQ(per_competence.size(), 15U);
    int thirds = 0;
    for (const auto& [competence, count] : per_competence) {
        EXPECT_GE(count, 2) << bank.competences()[static_cast<std::size_t>(competence)];
        EXPECT_LE(count, 3) << bank.competences()[static_cast<std::size_t>(competence)];
        thirds += count == 3 ? 1 : 0;
    }
    EXPECT_EQ(thirds, 2);
}

TEST(ItemSelection, PicksTheMostInformativeItemAtTheEstimate) {
    Bank bank;
    bank.add("loin", "1.1", "t1", 2.0, 3.0);
    bank.add("proche", "1.1", "t2", 1.5, 0.1);
    bank.add("plat", "1.1", "t3", 0.5, 0.0);
    const Selector selector(bank, reference(1));
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(selector.start(), 0.0, random), 1);
}

TEST(ItemSelection, BreaksTiesByTheLowestBankPosition) {
    Bank bank;
    bank.add("premier", "1.1", "t1", 1.0, 0.5);
    bank.add("second", "1.2", "t2", 1.0, 0.5);
    const Selector selector(bank, reference(2));
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(selector.start(), 0.0, random), 0);
}

TEST(ItemSelection, SkipsTheCompetencesOfTheLastAnswersWhenAsked) {
    Bank bank;
    bank.add("a1", "1.1", "t1", 2.0, 0.0);
    bank.add("a2", "1.1", "t2", 2.0, 0.0);
    bank.add("b1", "1.2", "t3", 0.5, 0.0);
    SelectionRules rules = reference(3);
    rules.quota_balance = false;
    rules.exclude_last_competences = 1;
    const Selector selector(bank, rules);
    TestState state = selector.start();
    selector.record(state, 0);
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(state, 0.0, random), 2);
}

TEST(ItemSelection, KeepsAnItemOutOnceItReachesItsExposureCap) {
    Bank bank;
    bank.add("favori", "1.1", "t1", 2.0, 0.0);
    bank.add("suivant", "1.1", "t2", 1.0, 0.0);
    SelectionRules rules = reference(1);
    rules.max_exposure_rate = 0.25;
    const Selector selector(bank, rules);
    ExposureCounts exposure{{25, 0}, 100};
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(selector.start(), 0.0, random, &exposure), 1);
    exposure.shown[0] = 24;
    EXPECT_EQ(selector.next(selector.start(), 0.0, random, &exposure), 0);
}

// Rule: docs/rules/certification-engine.md "Item selection": the "last N competences" rule falls back
// when it empties the pool.
TEST(ItemSelection, DropsTheLastCompetencesRuleWhenItLeavesNoItem) {
    Bank bank;
    bank.add("a1", "1.1", "t1", 2.0, 0.0);
    bank.add("a2", "1.1", "t2", 1.0, 0.0);
    SelectionRules rules = reference(2);
    rules.quota_balance = false;
    rules.exclude_last_competences = 1;
    const Selector selector(bank, rules);
    TestState state = selector.start();
    selector.record(state, 0);
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(state, 0.0, random), 1);
}

// Four items of decreasing information at θ = 0; randomesque k = 3 draws among the first three.
Bank four_items() {
    Bank bank;
    bank.add("i1", "1.1", "t1", 2.0, 0.0);
    bank.add("i2", "1.1", "t2", 1.8, 0.0);
    bank.add("i3", "1.1", "t3", 1.6, 0.0);
    bank.add("i4", "1.1", "t4", 1.4, 0.0);
    return bank;
}

TEST(ItemSelection, DrawsOnlyAmongTheKMostInformativeItems) {
    const Bank bank = four_items();
    SelectionRules rules = reference(1);
    rules.randomesque = 3;
    const Selector selector(bank, rules);
    std::mt19937_64 random(7);

    std::map<int, int> drawn;
    for (int i = 0; i < 600; ++i)
        ++drawn[*selector.next(selector.start(), 0.0, random)];

    EXPECT_EQ(drawn.size(), 3U);
    EXPECT_EQ(drawn.count(3), 0U);
    for (const auto& [item, times] : drawn)
        EXPECT_GT(times, 150) << bank.items()[static_cast<std::size_t>(item)].id;
}

TEST(ItemSelection, AlwaysTakesTheBestItemWithoutRandomesque) {
    const Bank bank = four_items();
    const Selector selector(bank, reference(1));
    std::mt19937_64 random(7);

    for (int i = 0; i < 50; ++i)
        EXPECT_EQ(selector.next(selector.start(), 0.0, random), 0);
}

// favori: I(0) = 1; suivant: I(0) = 0.9025. Shown in 24 of 100 tests with a cap of 0.25, favori
// loses 0.3 × 0.96^8 = 0.216 and gives way; at 10 of 100 it loses 0.0002 and keeps its place.
TEST(ItemSelection, PenalisesAnItemAsItsExposureNearsTheCap) {
    Bank bank;
    bank.add("favori", "1.1", "t1", 2.0, 0.0);
    bank.add("suivant", "1.1", "t2", 1.9, 0.0);
    SelectionRules rules = reference(1);
    rules.max_exposure_rate = 0.25;
    rules.exposure_penalty = 0.3;
    rules.exposure_penalty_power = 8;
    const Selector selector(bank, rules);
    ExposureCounts exposure{{24, 0}, 100};
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(selector.start(), 0.0, random, &exposure), 1);
    exposure.shown[0] = 10;
    EXPECT_EQ(selector.next(selector.start(), 0.0, random, &exposure), 0);
}

TEST(ItemSelection, AppliesNoPenaltyBeforeTheFirstTest) {
    Bank bank;
    bank.add("favori", "1.1", "t1", 2.0, 0.0);
    bank.add("suivant", "1.1", "t2", 1.9, 0.0);
    SelectionRules rules = reference(1);
    rules.max_exposure_rate = 0.25;
    rules.exposure_penalty = 100.0;
    const Selector selector(bank, rules);
    ExposureCounts exposure{{1, 0}, 0};
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(selector.start(), 0.0, random, &exposure), 0);
}

TEST(ItemSelection, AppliesAPenaltyPowerThatIsNotAWholeNumber) {
    Bank bank;
    bank.add("favori", "1.1", "t1", 2.0, 0.0);
    bank.add("suivant", "1.1", "t2", 1.9, 0.0);
    SelectionRules rules = reference(1);
    rules.max_exposure_rate = 0.25;
    rules.exposure_penalty = 0.3;
    rules.exposure_penalty_power = 7.5;
    const Selector selector(bank, rules);
    ExposureCounts exposure{{24, 0}, 100};
    std::mt19937_64 random(1);

    EXPECT_EQ(selector.next(selector.start(), 0.0, random, &exposure), 1);
}

TEST(ItemSelection, StopsAtTheTestLength) {
    const Bank bank = generate_bank(5);

    EXPECT_EQ(run(bank, reference(20), 0.0).items.size(), 20U);
}

TEST(BankGenerator, MakesSixteenCompetencesOfTwelveTubesOfFive) {
    const Bank bank = generate_bank(9);

    EXPECT_EQ(bank.size(), 960);
    EXPECT_EQ(bank.competences().size(), 16U);
    EXPECT_EQ(bank.tubes().size(), 192U);
    for (const Item& item : bank.items()) {
        EXPECT_GE(item.a, 0.25);
        EXPECT_LE(item.a, 4.0);
    }
}

} // namespace
} // namespace numeria::assessment::cat
