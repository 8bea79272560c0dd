#include "content/loading/content_statistics.hpp"

#include <gtest/gtest.h>

namespace numeria::content {
namespace {

Content with(Challenge challenge) {
    Content content;
    challenge.source = "competences/1.1.yaml:7";
    content.challenges[challenge.id] = std::move(challenge);
    return content;
}

Challenge choice(ChallengeType type, std::vector<std::string> proposals, std::set<int> right) {
    Challenge challenge;
    challenge.id = "c";
    challenge.type = type;
    challenge.proposals = std::move(proposals);
    challenge.right_proposals = std::move(right);
    return challenge;
}

FreeSolution number(std::vector<std::string> variants) {
    return FreeSolution{std::move(variants), {}, true};
}

TEST(SolutionSelfCheck, AcceptsSoundChallengesOfEveryType) {
    EXPECT_TRUE(self_check_solutions(with(choice(ChallengeType::Qcu, {"A", "B", "C"}, {2}))).empty());
    EXPECT_TRUE(self_check_solutions(with(choice(ChallengeType::Qcm, {"A", "B", "C"}, {1, 3}))).empty());
    Challenge dep;
    dep.id = "c";
    dep.type = ChallengeType::QrocmDep;
    dep.fields = {{"a", "Premier", false}, {"b", "Second", false}};
    dep.groups = {FreeSolution{{"png"}, {}, false}, FreeSolution{{"jpg", "jpeg"}, {}, false},
                  FreeSolution{{"gif"}, {}, false}};
    EXPECT_TRUE(self_check_solutions(with(dep)).empty());
}

TEST(SolutionSelfCheck, ReportsAQcuWithTwoRightProposals) {
    EXPECT_EQ(self_check_solutions(with(choice(ChallengeType::Qcu, {"A", "B", "C"}, {1, 2}))),
              std::vector<std::string>{"competences/1.1.yaml:7: c"});
}

TEST(SolutionSelfCheck, ReportsAQcmWhoseRightProposalDoesNotExist) {
    EXPECT_EQ(self_check_solutions(with(choice(ChallengeType::Qcm, {"A", "B", "C"}, {1, 5}))).size(), 1U);
}

TEST(SolutionSelfCheck, TriesEveryVariantOfEveryQrocmIndField) {
    Challenge challenge;
    challenge.id = "c";
    challenge.type = ChallengeType::QrocmInd;
    challenge.fields = {{"prix", "Prix", true}};
    challenge.by_field["prix"] = number({"5", "cinq"}); // the second variant is no number

    EXPECT_EQ(self_check_solutions(with(challenge)).size(), 1U);
}

TEST(SolutionSelfCheck, TriesEveryGroupAssignmentOfAQrocmDep) {
    Challenge challenge;
    challenge.id = "c";
    challenge.type = ChallengeType::QrocmDep;
    challenge.fields = {{"a", "Premier", true}, {"b", "Second", true}};
    // Only the third group is broken: the first two fields alone would never reach it.
    challenge.groups = {number({"2"}), number({"3"}), number({"sept"})};

    EXPECT_EQ(self_check_solutions(with(challenge)).size(), 1U);
}

TEST(SolutionSelfCheck, TriesEveryVariantOfAQrocmDepGroup) {
    Challenge challenge;
    challenge.id = "c";
    challenge.type = ChallengeType::QrocmDep;
    challenge.fields = {{"a", "Premier", true}};
    challenge.groups = {number({"2", "deux"})};

    EXPECT_EQ(self_check_solutions(with(challenge)).size(), 1U);
}

} // namespace
} // namespace numeria::content
