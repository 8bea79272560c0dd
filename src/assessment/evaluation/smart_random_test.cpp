#include "assessment/evaluation/evaluation_test_content.hpp"
#include "assessment/evaluation/smart_random.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace numeria::assessment::evaluation {
namespace {

using testing::make_content;
using testing::TubeSpec;

const LastAnswer UNTIMED_LAST{"@other1#0"};

KnowledgeElement direct(const std::string& skill, bool validated) {
    KnowledgeElement made;
    made.skill = skill;
    made.status = validated ? KeStatus::Validated : KeStatus::Invalidated;
    made.source = KeSource::Direct;
    return made;
}

struct Bank {
    std::vector<TubeSpec> specs;
    content::Content content = make_content(specs);
    PositioningTargets targets = testing::all_targets(content, specs);

    explicit Bank(std::vector<TubeSpec> tubes)
        : specs(std::move(tubes)) {}

    [[nodiscard]] Candidates candidates(const std::vector<KnowledgeElement>& kes = {},
                                        const std::optional<LastAnswer>& last = std::nullopt,
                                        const std::vector<std::string>& answered = {}) const {
        return candidate_skills(targets, positioning_state(targets, answered, kes, last));
    }

    [[nodiscard]] std::vector<std::string> names(const Candidates& found) const {
        std::vector<std::string> result;
        for (const int skill : found.skills) {
            result.push_back(targets.skills()[static_cast<std::size_t>(skill)].name);
        }
        return result;
    }

    [[nodiscard]] std::vector<std::string> first(const std::vector<KnowledgeElement>& kes = {},
                                                 const std::vector<std::string>& answered = {}) const {
        return names(candidates(kes, std::nullopt, answered));
    }

    [[nodiscard]] std::vector<std::string> next(const std::vector<KnowledgeElement>& kes,
                                                const LastAnswer& last = UNTIMED_LAST) const {
        return names(candidates(kes, last));
    }
};

using Names = std::vector<std::string>;

TEST(PositioningFirstQuestion, LevelTwoCountsAsTheLowestDifficulty) {
    const Bank setup({{"@web", {1, 2, 3}}});
    EXPECT_EQ(setup.first(), Names{"@web2"});
}

TEST(PositioningFirstQuestion, WithoutLevelTwoTheEasiestSkillsAreKept) {
    const Bank setup({{"@web", {1, 3}}, {"@mail", {1, 3}}});
    EXPECT_EQ(setup.first(), (Names{"@web1", "@mail1"}));
}

TEST(PositioningFirstQuestion, KeepsOnlyPlayableSkills) {
    const Bank setup({{"@web", {1, 2, 3}}});
    EXPECT_EQ(setup.first({}, {"@web2#0"}), Names{"@web1"});
}

TEST(PositioningFirstQuestion, KeepsOnlyUntestedSkills) {
    const Bank setup({{"@web", {1, 2, 3}}});
    EXPECT_EQ(setup.first({direct("@web2", true)}), Names{"@web1"});
}

TEST(PositioningFirstQuestion, PrefersSkillsOfEasyTubes) {
    const Bank setup({{"@hard", {2, 3, 4}}, {"@easy", {2, 3}}});
    EXPECT_EQ(setup.first(), Names{"@easy2"});
}

TEST(PositioningFirstQuestion, TakesEveryTubeWhenNoneIsEasy) {
    const Bank setup({{"@hard", {2, 4}}, {"@harder", {2, 5}}});
    EXPECT_EQ(setup.first(), (Names{"@hard2", "@harder2"}));
}

TEST(PositioningFirstQuestion, TubeWhoseHardSkillsAreAllAnsweredBecomesEasy) {
    const Bank setup({{"@hard", {2, 4}}, {"@other", {2, 5}}});
    EXPECT_EQ(setup.first({}, {"@hard4#0"}), Names{"@hard2"});
}

TEST(PositioningFirstQuestion, AvoidsTimedSkills) {
    const Bank setup({{"@timed", {2}, 1, {2}}, {"@calm", {2}}});
    EXPECT_EQ(setup.first(), Names{"@calm2"});
}

TEST(PositioningFirstQuestion, TakesTimedSkillsWhenAllAreTimed) {
    const Bank setup({{"@timed", {2}, 1, {2}}, {"@clock", {2}, 1, {2}}});
    EXPECT_EQ(setup.first(), (Names{"@timed2", "@clock2"}));
}

TEST(PositioningFirstQuestion, EstimatesLevelTwo) {
    const Bank setup({{"@web", {1, 2, 3}}});
    EXPECT_EQ(setup.candidates().predicted_level, 2.0);
}

TEST(PositioningNextQuestions, KeepOnlyUntestedSkills) {
    const Bank setup({{"@web", {2}}, {"@mail", {2}}});
    EXPECT_EQ(setup.next({direct("@web2", true)}), Names{"@mail2"});
}

TEST(PositioningNextQuestions, KeepOnlyPlayableSkills) {
    const Bank setup({{"@web", {2}}, {"@mail", {2}}});
    EXPECT_EQ(setup.names(setup.candidates({}, UNTIMED_LAST, {"@mail2#0"})), Names{"@web2"});
}

TEST(PositioningNextQuestions, PreferSkillsOfEasyTubes) {
    const Bank setup({{"@hard", {3, 4}}, {"@easy", {3}}});
    EXPECT_EQ(setup.next({}), Names{"@easy3"});
}

TEST(PositioningNextQuestions, DropTimedSkillsAfterATimedChallenge) {
    const Bank setup({{"@timed", {2, 3}, 1, {2, 3}}, {"@calm", {3}}});
    EXPECT_EQ(setup.next({direct("@timed2", true)}, LastAnswer{"@timed2#0"}), Names{"@calm3"});
}

TEST(PositioningNextQuestions, KeepTimedSkillsAfterAnUntimedChallenge) {
    const Bank setup({{"@timed", {2, 3}, 1, {2, 3}}, {"@calm", {2, 3}}});
    EXPECT_EQ(setup.next({direct("@calm2", true)}, LastAnswer{"@calm2#0"}), Names{"@timed3"});
}

TEST(PositioningNextQuestions, KeepTimedSkillsAfterATimedChallengeWhenAllAreTimed) {
    const Bank setup({{"@timed", {2, 3}, 1, {2, 3}}});
    EXPECT_EQ(setup.next({direct("@timed2", true)}, LastAnswer{"@timed2#0"}), Names{"@timed3"});
}

TEST(PositioningNextQuestions, DropSkillsMoreThanTwoLevelsAboveThePrediction) {
    // Predicted 3.5 without answers: @hard6 (reward 1.92) would beat @mid4 (reward 1.38) if kept.
    const Bank setup({{"@hard", {6, 7}}, {"@mid", {1, 4}}});
    EXPECT_EQ(setup.next({}), Names{"@mid4"});
}

TEST(PositioningNextQuestions, KeepEverySkillOfTheGreatestReward) {
    const Bank setup({{"@web", {1, 2}}, {"@mail", {1, 2}}, {"@chat", {1}}});
    EXPECT_EQ(setup.next({}), (Names{"@web2", "@mail2"}));
}

TEST(PositioningReward, WeighsEasierAndHarderUntestedSkillsOfTheTubeByTheSuccessProbability) {
    // Tube 1..4 with @web1 assessed; @web2 at level 3: P = 1/(1+e^-1) = 0.731059;
    // untested ≤ 2: {@web2}; untested ≥ 2: {@web2, @web3, @web4}; 0.731059 × 1 + 0.268941 × 3.
    const Bank setup({{"@web", {1, 2, 3, 4}}});
    const PositioningState state = positioning_state(setup.targets, {}, {direct("@web1", true)}, UNTIMED_LAST);
    EXPECT_NEAR(reward(setup.targets, state, setup.targets.skill_index("@web2"), 3.0), 1.537882, 1e-6);
}

TEST(PositioningReward, IgnoresSkillsWithoutChallengeLeft) {
    const Bank setup({{"@web", {1, 2, 3, 4}}});
    const PositioningState state = positioning_state(setup.targets, {"@web4#0"}, {}, UNTIMED_LAST);
    // P = 0.731059; ≤ 2: {@web1, @web2}; ≥ 2: {@web2, @web3}.
    EXPECT_NEAR(reward(setup.targets, state, setup.targets.skill_index("@web2"), 3.0), 2.0, 1e-9);
}

TEST(PositioningPredictedLevel, WithoutAnswerIsThreeAndAHalf) {
    const Bank setup({{"@web", {1, 2, 3}}});
    EXPECT_EQ(setup.candidates({}, UNTIMED_LAST).predicted_level, 3.5);
}

TEST(PositioningPredictedLevel, OneRightAnswerAtLevelTwoGivesFourAndAHalf) {
    // Σ = 3 − P(L,0) − P(L,2) − P(L,7): |Σ| is 0.011 at 4.5, 0.065 at 5.0, 0.10 at 4.0.
    const Bank setup({{"@web", {2}}});
    EXPECT_EQ(setup.candidates({direct("@web2", true)}, UNTIMED_LAST).predicted_level, 4.5);
}

TEST(PositioningPredictedLevel, OneWrongAnswerAtLevelTwoGivesOne) {
    // Σ = 1 − P(L,0) − P(L,2) − P(L,7): |Σ| is 0.0025 at 1.0, 0.19 at 0.5, 0.20 at 1.5.
    const Bank setup({{"@web", {2}}});
    EXPECT_EQ(setup.candidates({direct("@web2", false)}, UNTIMED_LAST).predicted_level, 1.0);
}

TEST(PositioningPredictedLevel, CountsOnlyDirectElements) {
    const Bank setup({{"@web", {1, 2}}});
    KnowledgeElement inferred = direct("@web1", true);
    inferred.source = KeSource::Inferred;
    EXPECT_EQ(setup.candidates({direct("@web2", true), inferred}, UNTIMED_LAST).predicted_level, 4.5);
}

TEST(PositioningPredictedLevel, ReadsTheCurrentProfileOfTheElementsGiven) {
    const Bank setup({{"@web", {2, 3}}});
    KnowledgeElement reset = direct("@web3", true);
    reset.status = KeStatus::Reset;
    reset.created_at = 1;
    EXPECT_EQ(predicted_level(setup.targets, {direct("@web2", false), direct("@web3", true), reset}), 1.0);
}

TEST(PositioningPredictedLevel, TiesGoToTheLowestLevel) {
    std::array<double, LEVEL_COUNT> scores{};
    scores.fill(-1.0);
    scores[3] = -0.25;
    scores[9] = -0.25;
    EXPECT_EQ(best_level(scores), 2.0);
}

TEST(PositioningStop, EndsWhenEverySkillIsAssessed) {
    const Bank setup({{"@web", {1, 2}}});
    const NextChallenge next =
        next_challenge(setup.targets, {}, {direct("@web1", true), direct("@web2", true)}, UNTIMED_LAST, 5);
    EXPECT_FALSE(next.challenge_id.has_value());
    EXPECT_FALSE(next.skill.has_value());
}

TEST(PositioningStop, EndsWhenEveryRemainingSkillIsTooHard) {
    // One wrong answer at level 1 predicts 0.5: levels 5 and 6 are more than 2 above.
    const Bank setup({{"@hard", {5, 6}}, {"@easy", {1}}});
    const NextChallenge next =
        next_challenge(setup.targets, {"@easy1#0"}, {direct("@easy1", false)}, LastAnswer{"@easy1#0"}, 5);
    EXPECT_FALSE(next.challenge_id.has_value());
    EXPECT_EQ(next.predicted_level, 0.5);
}

TEST(PositioningPick, HashOfZeroIsTheDocumentedValue) {
    EXPECT_EQ(positioning_hash(0), 0xE220A8397B1DCDAFULL);
}

TEST(PositioningPick, SkillFromTheHashOfTheIdAndChallengeFromTheHashOfTheIdPlusOne) {
    const Bank setup({{"@a", {2}, 3}, {"@b", {2}, 3}, {"@c", {2}, 3}, {"@d", {2}, 3}, {"@e", {2}, 3}});
    const Names skills = {"@a2", "@b2", "@c2", "@d2", "@e2"};
    for (std::int64_t id = -3; id < 40; ++id) {
        const NextChallenge next = next_challenge(setup.targets, {}, {}, std::nullopt, id);
        const std::string& skill = skills[positioning_hash(id) % 5];
        EXPECT_EQ(next.challenge_id, skill + "#" + std::to_string(positioning_hash(id + 1) % 3));
    }
}

TEST(PositioningPick, ChallengeIsChosenAmongThoseNotAnswered) {
    const Bank setup({{"@web", {2, 3}, 3}});
    for (std::int64_t id = 0; id < 30; ++id) {
        const NextChallenge next = next_challenge(setup.targets, {"@web2#0", "@web2#2"}, {}, std::nullopt, id);
        EXPECT_EQ(next.challenge_id, "@web2#1");
    }
}

TEST(PositioningPick, SameAssessmentIdGivesTheSameChallenge) {
    const Bank setup({{"@a", {2}, 3}, {"@b", {2}, 3}, {"@c", {2}, 3}});
    for (std::int64_t id : {1, 42, 123456789}) {
        EXPECT_EQ(next_challenge(setup.targets, {}, {}, std::nullopt, id).challenge_id,
                  next_challenge(setup.targets, {}, {}, std::nullopt, id).challenge_id);
    }
}

TEST(PositioningPick, DifferentAssessmentIdsSpreadOverTheCandidates) {
    const Bank setup({{"@a", {2}, 3}, {"@b", {2}, 3}, {"@c", {2}, 3}, {"@d", {2}, 3}});
    std::set<std::string> seen;
    for (std::int64_t id = 1; id <= 60; ++id) {
        seen.insert(*next_challenge(setup.targets, {}, {}, std::nullopt, id).challenge_id);
    }
    EXPECT_GE(seen.size(), 10U); // of 12
}

} // namespace
} // namespace numeria::assessment::evaluation
