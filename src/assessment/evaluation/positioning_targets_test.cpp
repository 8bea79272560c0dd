#include "assessment/evaluation/evaluation_test_content.hpp"
#include "assessment/evaluation/positioning_targets.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace numeria::assessment::evaluation {
namespace {

using testing::make_content;
using testing::TubeSpec;

std::vector<std::string> skill_names(const PositioningTargets& targets) {
    std::vector<std::string> names;
    for (const TargetSkill& skill : targets.skills()) {
        names.push_back(skill.name);
    }
    return names;
}

TEST(PositioningTargets, TargetProfileKeepsTheSkillsOfEachTubeUpToItsCap) {
    const content::Content content = make_content({{"@web", {4, 1, 2, 6}}, {"@mail", {1, 3}, 1, {}, "2.1"}});
    content::TargetProfile profile;
    profile.capped_tubes = {{"@mail", 2}, {"@web", 4}};

    const Result<PositioningTargets> targets = PositioningTargets::for_target_profile(content, profile);

    ASSERT_TRUE(targets.has_value());
    EXPECT_EQ(skill_names(*targets), (std::vector<std::string>{"@mail1", "@web1", "@web2", "@web4"}));
    EXPECT_EQ(targets->tubes()[0].competence, "2.1");
    EXPECT_EQ(targets->skill_index("@web2"), 2);
    EXPECT_EQ(targets->skill_index("@web6"), -1);
}

TEST(PositioningTargets, CompetenceTargetsEverySkillOfItsTubes) {
    const content::Content content = make_content({{"@web", {1, 7}, 2}, {"@mail", {3}, 1, {}, "2.1"}});

    const Result<PositioningTargets> targets = PositioningTargets::for_competence(content, "1.1");

    ASSERT_TRUE(targets.has_value());
    EXPECT_EQ(skill_names(*targets), (std::vector<std::string>{"@web1", "@web7"}));
    EXPECT_EQ(targets->challenges().size(), 4U);
    EXPECT_EQ(targets->challenge_index("@web7#1"), 3);
}

TEST(PositioningTargets, TubeNamedTwiceIsTargetedOnceWithItsFirstCap) {
    const content::Content content = make_content({{"@web", {1, 2, 3}}});
    content::TargetProfile profile;
    profile.capped_tubes = {{"@web", 2}, {"@web", 3}};

    const Result<PositioningTargets> targets = PositioningTargets::for_target_profile(content, profile);

    ASSERT_TRUE(targets.has_value());
    EXPECT_EQ(skill_names(*targets), (std::vector<std::string>{"@web1", "@web2"}));
}

TEST(PositioningTargets, TubeUnknownToTheContentIsRefused) {
    const content::Content content = make_content({{"@web", {1}}});
    content::TargetProfile profile;
    profile.capped_tubes = {{"@nowhere", 3}};

    const Result<PositioningTargets> targets = PositioningTargets::for_target_profile(content, profile);

    ASSERT_FALSE(targets.has_value());
    EXPECT_EQ(targets.error().reason, "positioning.unknown_tube");
}

} // namespace
} // namespace numeria::assessment::evaluation
