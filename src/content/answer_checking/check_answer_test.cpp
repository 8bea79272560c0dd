#include "content/answer_checking/check_answer.hpp"

#include <gtest/gtest.h>

namespace numeria::content {
namespace {

Challenge qcu() {
    Challenge challenge;
    challenge.type = ChallengeType::Qcu;
    challenge.proposals = {"Un", "Deux", "Trois"};
    challenge.right_proposals = {2};
    return challenge;
}

Challenge qrocm_ind() {
    Challenge challenge;
    challenge.type = ChallengeType::QrocmInd;
    challenge.fields = {Field{"ville", "Ville", false}, Field{"pays", "Pays", false}};
    challenge.by_field = {{"ville", FreeSolution{{"Paris"}, Tolerances{true, false, false}, false}},
                          {"pays", FreeSolution{{"France"}, Tolerances{true, false, false}, false}}};
    return challenge;
}

TEST(CheckAnswer, AQcuRightChoiceIsRight) {
    EXPECT_EQ(check_answer(qcu(), Answer{false, {2}, "", {}}).verdict, Verdict::Ok);
}

TEST(CheckAnswer, AQcuWithNothingChosenIsIncompleteRatherThanWrong) {
    Judgement judgement = check_answer(qcu(), Answer{});

    EXPECT_TRUE(judgement.incomplete);
}

TEST(CheckAnswer, AChoiceThatIsNoProposalCountsAsNothingChosen) {
    EXPECT_TRUE(check_answer(qcu(), Answer{false, {7}, "", {}}).incomplete);
}

TEST(CheckAnswer, SkippingIsAVerdictEvenWithNothingChosen) {
    Judgement judgement = check_answer(qcu(), Answer{true, {}, "", {}});

    EXPECT_FALSE(judgement.incomplete);
    EXPECT_EQ(judgement.verdict, Verdict::Skipped);
}

TEST(CheckAnswer, AQrocmIndGivesEachFieldItsResult) {
    Judgement judgement = check_answer(qrocm_ind(), Answer{false, {}, "", {{"ville", "paris"}, {"pays", "Espagne"}}});

    EXPECT_EQ(judgement.verdict, Verdict::Ko);
    EXPECT_TRUE(judgement.fields.at("ville"));
    EXPECT_FALSE(judgement.fields.at("pays"));
}

TEST(CheckAnswer, AQrocmWithABlankFieldIsIncomplete) {
    Judgement judgement = check_answer(qrocm_ind(), Answer{false, {}, "", {{"ville", "Paris"}, {"pays", "\u00a0 "}}});

    EXPECT_TRUE(judgement.incomplete);
    EXPECT_TRUE(judgement.fields.empty());
}

} // namespace
} // namespace numeria::content
