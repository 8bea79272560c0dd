// positioning_bench.cpp: speed of one call of the smart-random positioning (docs/rules/positioning.md)
// on a realistic target profile: 20 tubes × 6 skills (levels 1..6) × 3 challenges, 12 answers given.
// Run by `make bench`; the counter "per_call" is the figure to read.
#include "assessment/evaluation/knowledge_elements.hpp"
#include "assessment/evaluation/positioning_targets.hpp"
#include "assessment/evaluation/smart_random.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace numeria;
using namespace numeria::assessment::evaluation;

content::Content realistic_content(content::TargetProfile& profile) {
    content::Content content;
    for (int t = 0; t < 20; ++t) {
        content::Tube tube;
        tube.name = "@sujet" + std::to_string(t) + "x";
        tube.competence = std::to_string(t % 5 + 1) + ".1";
        for (int level = 1; level <= 6; ++level) {
            content::Skill skill;
            skill.name = tube.name + std::to_string(level);
            skill.level = level;
            skill.pix_value = 1.0;
            for (int k = 0; k < 3; ++k) {
                content::Challenge challenge;
                challenge.id = "rec" + std::to_string(t) + "_" + std::to_string(level) + "_" + std::to_string(k);
                challenge.skill = skill.name;
                if (t % 7 == 3) {
                    challenge.timer_seconds = 90;
                }
                skill.challenge_ids.push_back(challenge.id);
                content.challenges.emplace(challenge.id, std::move(challenge));
            }
            tube.skills.push_back(std::move(skill));
        }
        profile.capped_tubes.emplace_back(tube.name, 5 + t % 2);
        content.tubes.emplace(tube.name, std::move(tube));
    }
    return content;
}

// One iteration = one next_challenge call after 12 answers (alternately right and wrong).
void BM_NextChallenge(benchmark::State& state) {
    content::TargetProfile profile;
    const content::Content content = realistic_content(profile);
    const Result<PositioningTargets> targets = PositioningTargets::for_target_profile(content, profile);
    if (!targets) {
        std::abort();
    }
    std::vector<std::string> answered;
    std::vector<KnowledgeElement> kes;
    std::optional<LastAnswer> last;
    for (int question = 0; question < 12; ++question) {
        const NextChallenge next = next_challenge(*targets, answered, kes, last, 4242);
        if (!next.challenge_id) {
            break;
        }
        for (KnowledgeElement& made : knowledge_elements_for_answer(
                 *targets, kes, content.challenges.at(*next.challenge_id), question % 2 == 0, question, question)) {
            kes.push_back(std::move(made));
        }
        answered.push_back(*next.challenge_id);
        last = LastAnswer{*next.challenge_id};
    }
    for (auto _ : state) {
        NextChallenge next = next_challenge(*targets, answered, kes, last, 4242);
        benchmark::DoNotOptimize(next);
    }
    state.counters["per_call"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["knowledge_elements"] = static_cast<double>(kes.size());
}
BENCHMARK(BM_NextChallenge);

} // namespace
