// A simulated learner of known level answering by the logistic probability of the predicted-level
// model: the positioning must stop after a bounded number of questions and end near that level.
#include "assessment/evaluation/evaluation_test_content.hpp"
#include "assessment/evaluation/smart_random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace numeria::assessment::evaluation {
namespace {

using testing::TubeSpec;

// 16 tubes over 4 competences; each tube has 4 to 7 of the levels 1..7 and 2 challenges per skill.
std::vector<TubeSpec> generated_tubes(std::mt19937& random) {
    std::vector<TubeSpec> specs;
    for (int t = 0; t < 16; ++t) {
        TubeSpec spec;
        spec.name = "@t" + std::to_string(t) + "x";
        spec.competence = "1." + std::to_string(t % 4 + 1);
        spec.challenges_per_skill = 2;
        const int lowest = std::uniform_int_distribution<int>(1, 2)(random);
        const int highest = std::uniform_int_distribution<int>(5, 7)(random);
        for (int level = lowest; level <= highest; ++level) {
            spec.levels.push_back(level);
        }
        specs.push_back(std::move(spec));
    }
    return specs;
}

struct Outcome {
    int questions = 0;
    double predicted = 0;
};

Outcome simulate(const content::Content& content, const PositioningTargets& targets, double true_level,
                 std::int64_t assessment_id, std::mt19937& random) {
    std::vector<std::string> answered;
    std::vector<KnowledgeElement> kes;
    std::optional<LastAnswer> last;
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    Outcome run;
    while (true) {
        const NextChallenge next = next_challenge(targets, answered, kes, last, assessment_id);
        run.predicted = next.predicted_level;
        if (!next.challenge_id || run.questions > 500) {
            return run;
        }
        const content::Challenge& challenge = content.challenges.at(*next.challenge_id);
        const int level = targets.skills()[static_cast<std::size_t>(targets.skill_index(challenge.skill))].level;
        const bool ok = uniform(random) < success_probability(true_level, level);
        ++run.questions;
        for (KnowledgeElement& made :
             knowledge_elements_for_answer(targets, kes, challenge, ok, run.questions, run.questions)) {
            kes.push_back(std::move(made));
        }
        answered.push_back(*next.challenge_id);
        last = LastAnswer{*next.challenge_id};
    }
}

// With this seed: 27 to 41 questions, each final level within 1.5 of the true one, mean error under 0.1.
TEST(SmartRandomSimulation, LearnerOfKnownLevelStopsSoonAndEndsNearThatLevel) {
    std::mt19937 random(20261208);
    const std::vector<TubeSpec> specs = generated_tubes(random);
    const content::Content content = testing::make_content(specs);
    const PositioningTargets targets = testing::all_targets(content, specs);
    for (const double true_level : {1.5, 3.0, 4.5, 6.0}) {
        double total_error = 0;
        constexpr int RUNS = 40;
        for (int id = 1; id <= RUNS; ++id) {
            const Outcome run = simulate(content, targets, true_level, static_cast<std::int64_t>(id) * 7919, random);
            total_error += run.predicted - true_level;
            EXPECT_LE(run.questions, 60) << "level " << true_level;
            EXPECT_NEAR(run.predicted, true_level, 2.0) << "level " << true_level;
        }
        EXPECT_NEAR(total_error / RUNS, 0.0, 0.5) << "level " << true_level;
    }
}

} // namespace
} // namespace numeria::assessment::evaluation
