// The property of the positioning on the real bank (docs/rules/positioning.md, docs/rules/profile.md
// "Pix and levels"): a learner who answers right exactly the skills of level ≤ L ends the evaluation
// of any competence with 8·L pix on it, for L = 0…6.
#include "assessment/evaluation/knowledge_elements.hpp"
#include "assessment/evaluation/profile_scoring.hpp"
#include "assessment/evaluation/smart_random.hpp"
#include "content/loading/content_loader.hpp"

#include <gtest/gtest.h>

namespace numeria::assessment::evaluation {
namespace {

const content::Content& bank() {
    static const content::Content loaded = [] {
        content::LoadResult result = content::load_content(std::string(NUMERIA_SOURCE_DIR) + "/content");
        EXPECT_TRUE(result.errors.empty());
        return std::move(result.content);
    }();
    return loaded;
}

int level_of(const content::Content& content, const std::string& skill) {
    for (const auto& [name, tube] : content.tubes)
        for (const content::Skill& candidate : tube.skills)
            if (candidate.name == skill)
                return candidate.level;
    return 0;
}

// Runs one competence evaluation to its end; returns the pix won on the competence.
int evaluate(const content::Content& content, const std::string& competence, int known_level,
             std::int64_t assessment_id) {
    auto targets = PositioningTargets::for_competence(content, competence);
    EXPECT_TRUE(targets.has_value());
    std::vector<std::string> answered;
    std::vector<KnowledgeElement> elements;
    std::optional<LastAnswer> last;
    for (int question = 0; question < 500; ++question) {
        const NextChallenge next = next_challenge(*targets, answered, elements, last, assessment_id);
        if (!next.challenge_id)
            break;
        const content::Challenge& challenge = content.challenges.at(*next.challenge_id);
        const bool ok = level_of(content, challenge.skill) <= known_level;
        const auto learned = knowledge_elements_for_answer(*targets, elements, challenge, ok, question + 1, question);
        elements.insert(elements.end(), learned.begin(), learned.end());
        answered.push_back(challenge.id);
        last = LastAnswer{challenge.id};
    }
    double real = 0;
    for (const KnowledgeElement& element : current_profile(elements))
        real += element.earned_pix;
    return score_competence(competence, real, ProfileSettings{}).pix;
}

TEST(SimulatedLearner, KnowingExactlyTheSkillsUpToLevelLEndsWithEightTimesLPix) {
    const content::Content& content = bank();
    ASSERT_FALSE(content.competences.empty());
    for (const auto& [code, competence] : content.competences)
        for (int level = 0; level <= 6; ++level)
            EXPECT_EQ(evaluate(content, code, level, 1000 + level), 8 * level)
                << "competence " << code << ", L = " << level;
}

} // namespace
} // namespace numeria::assessment::evaluation
