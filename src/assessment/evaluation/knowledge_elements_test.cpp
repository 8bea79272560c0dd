#include "assessment/evaluation/evaluation_test_content.hpp"
#include "assessment/evaluation/knowledge_elements.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace numeria::assessment::evaluation {
namespace {

using testing::make_content;
using testing::TubeSpec;

const std::vector<TubeSpec> SPECS = {{"@web", {1, 2, 3, 4, 5}}, {"@mail", {1, 2, 3}}};

struct Fixture {
    content::Content content = make_content(SPECS);
    PositioningTargets targets = testing::all_targets(content, SPECS);

    [[nodiscard]] std::vector<KnowledgeElement> answer(const std::string& challenge, bool ok,
                                                       const std::vector<KnowledgeElement>& before = {}) const {
        return knowledge_elements_for_answer(targets, before, content.challenges.at(challenge), ok, 7, 1000);
    }
};

KnowledgeElement element(const std::string& skill, KeStatus status, EpochMs at) {
    KnowledgeElement made;
    made.skill = skill;
    made.status = status;
    made.created_at = at;
    return made;
}

std::vector<std::string> skills_of(const std::vector<KnowledgeElement>& elements) {
    std::vector<std::string> names;
    names.reserve(elements.size());
    for (const KnowledgeElement& made : elements) {
        names.push_back(made.skill);
    }
    return names;
}

TEST(KnowledgeElements, RightAnswerValidatesTheSkillThenEveryEasierSkillOfItsTube) {
    const Fixture fixture;
    const std::vector<KnowledgeElement> made = fixture.answer("@web3#0", true);

    EXPECT_EQ(skills_of(made), (std::vector<std::string>{"@web3", "@web1", "@web2"}));
    EXPECT_EQ(made[0].source, KeSource::Direct);
    for (const KnowledgeElement& one : made) {
        EXPECT_EQ(one.status, KeStatus::Validated);
        EXPECT_EQ(one.tube, "@web");
        EXPECT_EQ(one.competence, "1.1");
        EXPECT_EQ(one.answer_id, 7);
        EXPECT_EQ(one.created_at, 1000);
    }
    EXPECT_EQ(made[1].source, KeSource::Inferred);
    EXPECT_EQ(made[2].source, KeSource::Inferred);
}

TEST(KnowledgeElements, WrongAnswerInvalidatesTheSkillThenEveryHarderSkillOfItsTube) {
    const Fixture fixture;
    const std::vector<KnowledgeElement> made = fixture.answer("@web3#0", false);

    EXPECT_EQ(skills_of(made), (std::vector<std::string>{"@web3", "@web4", "@web5"}));
    for (const KnowledgeElement& one : made) {
        EXPECT_EQ(one.status, KeStatus::Invalidated);
        EXPECT_EQ(one.earned_pix, 0.0);
    }
}

TEST(KnowledgeElements, ValidatedElementsEarnTheSkillsPixValue) {
    const Fixture fixture;
    const std::vector<KnowledgeElement> made = fixture.answer("@web4#0", true);

    EXPECT_DOUBLE_EQ(made[0].earned_pix, 2.0);
    EXPECT_DOUBLE_EQ(made[1].earned_pix, 0.5);
}

TEST(KnowledgeElements, InferenceSkipsSkillsAlreadyAssessedInTheScope) {
    const Fixture fixture;
    const std::vector<KnowledgeElement> before = {element("@web1", KeStatus::Invalidated, 10)};
    const std::vector<KnowledgeElement> made = fixture.answer("@web3#0", true, before);

    EXPECT_EQ(skills_of(made), (std::vector<std::string>{"@web3", "@web2"}));
}

TEST(KnowledgeElements, InferenceStaysInTheTubeOfTheAnsweredSkill) {
    const Fixture fixture;
    const std::vector<KnowledgeElement> made = fixture.answer("@mail3#0", true);

    EXPECT_EQ(skills_of(made), (std::vector<std::string>{"@mail3", "@mail1", "@mail2"}));
}

TEST(KnowledgeElements, InferenceReachesOnlyTargetSkills) {
    const Fixture fixture;
    content::TargetProfile profile;
    profile.capped_tubes = {{"@web", 3}};
    const PositioningTargets capped = *PositioningTargets::for_target_profile(fixture.content, profile);

    const std::vector<KnowledgeElement> made =
        knowledge_elements_for_answer(capped, {}, fixture.content.challenges.at("@web2#0"), false, 1, 1);

    EXPECT_EQ(skills_of(made), (std::vector<std::string>{"@web2", "@web3"}));
}

TEST(KnowledgeElements, AnswerOnASkillAlreadyAssessedProducesNothing) {
    const Fixture fixture;
    const std::vector<KnowledgeElement> before = {element("@web3", KeStatus::Validated, 10)};

    EXPECT_TRUE(fixture.answer("@web3#0", false, before).empty());
}

TEST(KnowledgeElements, AnswerOnASkillOutsideTheTargetsProducesNothing) {
    const Fixture fixture;
    content::TargetProfile profile;
    profile.capped_tubes = {{"@mail", 8}};
    const PositioningTargets mail_only = *PositioningTargets::for_target_profile(fixture.content, profile);

    EXPECT_TRUE(
        knowledge_elements_for_answer(mail_only, {}, fixture.content.challenges.at("@web1#0"), true, 1, 1).empty());
}

TEST(KnowledgeElements, SkillWhoseLatestElementIsAResetCanBeAssessedAgain) {
    const Fixture fixture;
    const std::vector<KnowledgeElement> before = {element("@web3", KeStatus::Validated, 10),
                                                  element("@web3", KeStatus::Reset, 20)};

    EXPECT_EQ(skills_of(fixture.answer("@web3#0", true, before)),
              (std::vector<std::string>{"@web3", "@web1", "@web2"}));
}

TEST(CurrentProfile, KeepsTheLatestElementOfEachSkill) {
    const std::vector<KnowledgeElement> profile =
        current_profile({element("@web1", KeStatus::Validated, 30), element("@web2", KeStatus::Invalidated, 10),
                         element("@web1", KeStatus::Invalidated, 20)});

    ASSERT_EQ(skills_of(profile), (std::vector<std::string>{"@web1", "@web2"}));
    EXPECT_EQ(profile[0].status, KeStatus::Validated);
    EXPECT_EQ(profile[0].created_at, 30);
}

TEST(CurrentProfile, PrefersTheLaterElementOfTheListOnEqualTimes) {
    const std::vector<KnowledgeElement> profile =
        current_profile({element("@web1", KeStatus::Validated, 10), element("@web1", KeStatus::Invalidated, 10)});

    ASSERT_EQ(profile.size(), 1U);
    EXPECT_EQ(profile[0].status, KeStatus::Invalidated);
}

TEST(CurrentProfile, DropsSkillsWhoseLatestElementIsAReset) {
    const std::vector<KnowledgeElement> profile =
        current_profile({element("@web1", KeStatus::Validated, 10), element("@web1", KeStatus::Reset, 20),
                         element("@web2", KeStatus::Reset, 5), element("@web2", KeStatus::Validated, 15)});

    ASSERT_EQ(skills_of(profile), (std::vector<std::string>{"@web2"}));
    EXPECT_EQ(profile[0].status, KeStatus::Validated);
}

} // namespace
} // namespace numeria::assessment::evaluation
