// evaluation_bench.cpp: the engine's part of an answer in a competence evaluation of the real bank
// (docs/rules/learning.md "Answers"): after 30 answers, building the competence's targets, the
// knowledge elements of one more answer, and the choice of the next question. Run by `make bench`.
#include "assessment/evaluation/knowledge_elements.hpp"
#include "assessment/evaluation/positioning_targets.hpp"
#include "assessment/evaluation/smart_random.hpp"
#include "content/loading/content_loader.hpp"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using namespace numeria;
using namespace numeria::assessment::evaluation;

struct Evaluation {
    content::Content content;
    std::string competence;
    std::vector<std::string> answered;
    std::vector<KnowledgeElement> elements;
};

// The competence of the bank with the most challenges, after 30 answers.
const Evaluation& evaluation() {
    static const Evaluation made = [] {
        Evaluation e;
        e.content = content::load_content(std::string(NUMERIA_SOURCE_DIR) + "/content").content;
        std::size_t most = 0;
        for (const auto& [code, competence] : e.content.competences) {
            std::size_t count = 0;
            for (const std::string& tube : competence.tubes)
                for (const content::Skill& skill : e.content.tubes.at(tube).skills)
                    count += skill.challenge_ids.size();
            if (count > most) {
                most = count;
                e.competence = code;
            }
        }
        // 30 answers (or every challenge of a smaller competence), right up to level 3.
        auto targets = PositioningTargets::for_competence(e.content, e.competence);
        for (const std::string& tube : e.content.competences.at(e.competence).tubes)
            for (const content::Skill& skill : e.content.tubes.at(tube).skills)
                for (const std::string& id : skill.challenge_ids) {
                    if (e.answered.size() == 30)
                        break;
                    const content::Challenge& challenge = e.content.challenges.at(id);
                    const auto learned =
                        knowledge_elements_for_answer(*targets, e.elements, challenge, skill.level <= 3,
                                                      static_cast<std::int64_t>(e.answered.size()), 0);
                    e.elements.insert(e.elements.end(), learned.begin(), learned.end());
                    e.answered.push_back(id);
                }
        return e;
    }();
    return made;
}

void BM_NextQuestionAfter30Answers(benchmark::State& state) {
    const Evaluation& e = evaluation();
    auto targets = PositioningTargets::for_competence(e.content, e.competence);
    for (auto _ : state) {
        const NextChallenge next =
            next_challenge(*targets, e.answered, e.elements, LastAnswer{e.answered.back()}, 424242);
        benchmark::DoNotOptimize(next);
    }
    state.counters["answers"] = static_cast<double>(e.answered.size());
}
BENCHMARK(BM_NextQuestionAfter30Answers);

void BM_CompetenceTargets(benchmark::State& state) {
    const Evaluation& e = evaluation();
    for (auto _ : state) {
        auto targets = PositioningTargets::for_competence(e.content, e.competence);
        benchmark::DoNotOptimize(targets);
    }
}
BENCHMARK(BM_CompetenceTargets);

} // namespace
