#include "assessment/evaluation/profile_scoring.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace numeria::assessment::evaluation {
namespace {

const ProfileSettings SETTINGS; // the default maximum level, 7

ScoredKnowledge validated(std::string competence, std::string skill, double pix) {
    return {std::move(competence), std::move(skill), true, pix};
}

// `count` competences "1.1", "1.2"… each with `pix` earned pix.
std::vector<CompetenceScore> competences_with(int count, double pix) {
    std::vector<CompetenceScore> scores;
    scores.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        scores.push_back(score_competence("1." + std::to_string(i + 1), pix, SETTINGS));
    return scores;
}

// The framework's 5 areas and 16 competences.
content::Content framework() {
    content::Content content;
    content.areas = {{"1", "Information et données", {"1.1", "1.2", "1.3"}},
                     {"2", "Communication et collaboration", {"2.1", "2.2", "2.3", "2.4"}},
                     {"3", "Création de contenus", {"3.1", "3.2", "3.3", "3.4"}},
                     {"4", "Protection et sécurité", {"4.1", "4.2", "4.3"}},
                     {"5", "Environnement numérique", {"5.1", "5.2"}}};
    return content;
}

content::StageDefinition stage(int threshold) {
    content::StageDefinition definition;
    definition.threshold = threshold;
    return definition;
}

const std::vector<content::StageDefinition> STAGES = {stage(0), stage(21), stage(51), stage(81)};

TEST(CompetenceScore, PixAreTheFloorOfTheEarnedPix) {
    EXPECT_EQ(score_competence("1.1", 12.9, SETTINGS).pix, 12);
}

TEST(CompetenceScore, PixAreCappedAtTheMaximumLevelTimesEight) {
    CompetenceScore score = score_competence("1.1", 70.5, SETTINGS);

    EXPECT_EQ(score.pix, 56);
    EXPECT_DOUBLE_EQ(score.real_pix, 70.5);
}

TEST(CompetenceScore, LevelIsTheFloorOfPixOverEight) {
    EXPECT_EQ(score_competence("1.1", 7.99, SETTINGS).level, 0);
    EXPECT_EQ(score_competence("1.1", 8.0, SETTINGS).level, 1);
    EXPECT_EQ(score_competence("1.1", 23.5, SETTINGS).level, 2);
}

TEST(CompetenceScore, LevelIsCappedAtTheMaximumLevel) {
    CompetenceScore score = score_competence("1.1", 64.0, SETTINGS);

    EXPECT_EQ(score.level, 7);
    EXPECT_TRUE(score.at_max);
    EXPECT_EQ(score.pix_to_next, 0);
}

TEST(CompetenceScore, SixSkillsOfALevelMakeTheLevelDespiteRounding) {
    double sum = 0;
    for (int i = 0; i < 6; ++i)
        sum += 8.0 / 6.0; // 7.999… in floating point

    CompetenceScore score = score_competence("1.1", sum, SETTINGS);

    EXPECT_EQ(score.pix, 8);
    EXPECT_EQ(score.level, 1);
}

TEST(CompetenceScore, PixAheadAreThePixEarnedInTheCurrentLevel) {
    CompetenceScore score = score_competence("1.1", 19.0, SETTINGS);

    EXPECT_EQ(score.pix_ahead, 3);
    EXPECT_EQ(score.pix_to_next, 5);
}

TEST(CompetenceScore, MaximumLevelComesFromTheSettings) {
    ProfileSettings five{.max_level = 5};

    CompetenceScore score = score_competence("1.1", 50.0, five);

    EXPECT_EQ(score.level, 5);
    EXPECT_EQ(score.pix, 40);
    EXPECT_TRUE(score.at_max);
}

TEST(ProfileScore, SumsEarnedPixPerCompetence) {
    std::vector<ScoredKnowledge> knowledge = {
        validated("1.1", "@a1", 4), validated("1.1", "@a2", 4.5), {"1.1", "@a3", false, 0}, validated("2.1", "@b1", 2)};

    ProfileScore profile = score_profile(knowledge, SETTINGS);

    ASSERT_EQ(profile.competences.size(), 2U);
    EXPECT_EQ(profile.competences[0].pix, 8);
    EXPECT_EQ(profile.competences[1].pix, 2);
}

TEST(ProfileScore, TotalIsTheSumOfTheCappedPix) {
    std::vector<ScoredKnowledge> knowledge = {validated("1.1", "@a1", 60), validated("1.2", "@b1", 10.7),
                                              validated("1.3", "@c1", 3.2)};

    EXPECT_EQ(score_profile(knowledge, SETTINGS).total_pix, 56 + 10 + 3);
}

TEST(Certificability, HoldsWithFiveCompetencesAtLevelOne) {
    EXPECT_TRUE(is_certifiable(competences_with(5, 8.0)));
}

TEST(Certificability, FailsWithFourCompetencesAtLevelOne) {
    std::vector<CompetenceScore> scores = competences_with(4, 40.0);
    scores.push_back(score_competence("2.1", 7.5, SETTINGS));

    EXPECT_FALSE(is_certifiable(scores));
}

TEST(Certificability, IsComputedForTheWholeProfile) {
    std::vector<ScoredKnowledge> knowledge;
    for (const char* code : {"1.1", "1.2", "2.1", "3.1", "4.1"})
        knowledge.push_back(validated(code, "@x1", 8));

    EXPECT_TRUE(score_profile(knowledge, SETTINGS).certifiable);
}

TEST(FrameworkScore, GivesAllSixteenCompetencesInFrameworkOrder) {
    ProfileScore profile = score_framework(framework(), {}, SETTINGS);

    ASSERT_EQ(profile.competences.size(), 16U);
    EXPECT_EQ(profile.competences.front().code, "1.1");
    EXPECT_EQ(profile.competences.back().code, "5.2");
}

TEST(FrameworkScore, ACompetenceWithoutKnowledgeIsAtLevelZero) {
    std::vector<ScoredKnowledge> knowledge = {validated("3.2", "@x1", 17)};

    ProfileScore profile = score_framework(framework(), knowledge, SETTINGS);

    EXPECT_EQ(profile.competences[0].level, 0);
    EXPECT_EQ(profile.competences[0].pix, 0);
    EXPECT_EQ(profile.competences[0].pix_to_next, 8);
    EXPECT_EQ(profile.competences[8].code, "3.2");
    EXPECT_EQ(profile.competences[8].level, 2);
    EXPECT_EQ(profile.competences[8].pix_ahead, 1);
}

TEST(FrameworkScore, IgnoresKnowledgeOutsideTheFramework) {
    std::vector<ScoredKnowledge> knowledge = {validated("9.9", "@x1", 30)};

    EXPECT_EQ(score_framework(framework(), knowledge, SETTINGS).total_pix, 0);
}

TEST(Mastery, RoundsTwoThirdsUpToSixtySeven) {
    EXPECT_EQ(mastery_percent(2, 3), 67);
}

TEST(Mastery, RoundsOneSixthToSeventeen) {
    EXPECT_EQ(mastery_percent(1, 6), 17);
}

TEST(Mastery, RoundsAHalfUp) {
    EXPECT_EQ(mastery_percent(1, 200), 1); // 0.5 %
    EXPECT_EQ(mastery_percent(1, 8), 13);  // 12.5 %
}

TEST(Mastery, IsZeroWithoutTargetSkills) {
    EXPECT_EQ(mastery_percent(0, 0), 0);
}

TEST(Mastery, CountsEachValidatedTargetSkillOnce) {
    std::vector<ScoredKnowledge> knowledge = {validated("1.1", "@a1", 4),
                                              validated("1.1", "@a1", 4),
                                              {"1.1", "@a2", false, 0},
                                              validated("1.1", "@other1", 4)};

    EXPECT_EQ(validated_target_skills(knowledge, {"@a1", "@a2", "@a3"}), 1);
}

TEST(Stages, NoValidatedSkillReachesTheFirstStage) {
    StageReached reached = reached_stage(STAGES, 90, 0);

    EXPECT_EQ(reached.reached, 1);
    EXPECT_EQ(reached.total, 4);
}

TEST(Stages, EachThresholdIsReachedExactlyAtItsValue) {
    EXPECT_EQ(reached_stage(STAGES, 0, 1).reached, 1);
    EXPECT_EQ(reached_stage(STAGES, 20, 1).reached, 1);
    EXPECT_EQ(reached_stage(STAGES, 21, 1).reached, 2);
    EXPECT_EQ(reached_stage(STAGES, 50, 1).reached, 2);
    EXPECT_EQ(reached_stage(STAGES, 51, 1).reached, 3);
    EXPECT_EQ(reached_stage(STAGES, 80, 1).reached, 3);
    EXPECT_EQ(reached_stage(STAGES, 81, 1).reached, 4);
    EXPECT_EQ(reached_stage(STAGES, 100, 1).reached, 4);
}

TEST(Stages, AreSortedByThresholdBeforeReading) {
    std::vector<content::StageDefinition> unsorted = {stage(51), stage(0), stage(81), stage(21)};

    StageReached reached = reached_stage(unsorted, 60, 3);

    EXPECT_EQ(reached.reached, 3);
    EXPECT_EQ(reached.stage, 0U); // the stage of threshold 51, first in the given order
}

TEST(Stages, TheFirstStageIsReachedWhenNoThresholdIs) {
    std::vector<content::StageDefinition> stages = {stage(10), stage(50)};

    EXPECT_EQ(reached_stage(stages, 5, 1).reached, 1);
}

TEST(Stages, NoStageGivesRankZero) {
    StageReached reached = reached_stage({}, 50, 3);

    EXPECT_EQ(reached.reached, 0);
    EXPECT_EQ(reached.total, 0);
}

TEST(Stages, DefaultStagesOfTheContentGiveFourStages) {
    EXPECT_EQ(reached_stage(content::default_stages(), 67, 2).reached, 3);
}

} // namespace
} // namespace numeria::assessment::evaluation
