#include "content/loading/content_statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace numeria::content {
namespace {

Content small_content() {
    Content content;
    content.competences["1.1"] = Competence{"1.1", "Rechercher", "", "1", {"@essai"}};
    Challenge qcu;
    qcu.id = "a";
    qcu.type = ChallengeType::Qcu;
    qcu.proposals = {"Oui", "Non"};
    qcu.right_proposals = {1};
    qcu.timer_seconds = 30;
    qcu.source = "competences/1.1.yaml:9";
    content.challenges["a"] = qcu;
    Challenge number;
    number.id = "b";
    number.type = ChallengeType::Qroc;
    number.free_solution = FreeSolution{{"trois"}, {}, true};
    number.source = "competences/1.1.yaml:20";
    content.challenges["b"] = number;
    content.tubes["@essai"] = Tube{"@essai", "Essai", "", "1.1", {Skill{"@essai2", 2, 4, {"a", "b"}}}};
    return content;
}

TEST(ContentStatistics, CountsByCompetenceLevelAndType) {
    ContentStatistics statistics = count_content(small_content());

    EXPECT_EQ(statistics.challenges, 2);
    EXPECT_EQ(statistics.by_competence_and_level.at("1.1").at(2), 2);
    EXPECT_EQ(statistics.by_type.at("QCU"), 1);
    EXPECT_EQ(statistics.timed, 1);
    EXPECT_EQ(statistics.skills_with_alternatives, 1);
    EXPECT_EQ(statistics.tubes_without_tutorial, 1);
}

TEST(ContentStatistics, ListsTheUnmetMinimums) {
    Content content = small_content();

    std::vector<std::string> unmet = unmet_minimums(content, count_content(content));

    EXPECT_EQ(unmet.front(), "au moins 640 épreuves (il y en a 2)");
    EXPECT_NE(std::find(unmet.begin(), unmet.end(), "1 sujet(s) sans tutoriel"), unmet.end());
}

TEST(ContentStatistics, FindsASolutionTheCheckerRefuses) {
    std::vector<std::string> wrong = self_check_solutions(small_content());

    ASSERT_EQ(wrong.size(), 1U);
    EXPECT_EQ(wrong.front(), "competences/1.1.yaml:20: b");
}

} // namespace
} // namespace numeria::content
