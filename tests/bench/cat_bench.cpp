// cat_bench.cpp: speed of the adaptive certification engine (docs/rules/certification-engine.md
// "Command line": ≤ 2 µs per selection and per estimate update on a 960-item bank, single thread).
// Run by `make bench`; the counters "per_selection" and "per_update" are the figures to read.
#include "assessment/cat/bank_generator.hpp"
#include "assessment/cat/cat_config.hpp"
#include "assessment/cat/eap_estimator.hpp"
#include "assessment/cat/item_selection.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace {

using namespace numeria::assessment::cat;

// One iteration = the 32 EAP updates of a test, on the default 241-point grid.
void BM_EapUpdate(benchmark::State& state) {
    const Bank bank = generate_bank(1);
    for (auto _ : state) {
        EapEstimator estimator;
        for (std::size_t i = 0; i < 32; ++i) {
            const Item& item = bank.items()[(i * 37) % bank.items().size()];
            estimator.update(item.a, item.b, (i & 1U) != 0);
        }
        benchmark::DoNotOptimize(estimator.eap());
    }
    state.counters["per_update"] = benchmark::Counter(32.0 * static_cast<double>(state.iterations()),
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_EapUpdate);

// The production rules (content/certification/cat-production.yaml: quota balance, one question per
// tube, exposure cap and penalty).
SelectionRules production_rules() {
    std::ifstream in(std::string(NUMERIA_SOURCE_DIR) + "/content/certification/cat-production.yaml");
    std::stringstream text;
    text << in.rdbuf();
    const numeria::Result<CatConfig> config = parse_cat_config(text.str(), "cat-production.yaml");
    if (!config) {
        std::fprintf(stderr, "%s\n", config.error().detail.c_str());
        std::abort();
    }
    return config->rules;
}

// One iteration = the 32 selections of a test under the production rules, each recorded, with the
// estimate moving over [-2, 2] and the exposure counts running over the tests.
void BM_Selection(benchmark::State& state) {
    const Bank bank = generate_bank(1);
    const Selector selector(bank, production_rules());
    ExposureCounts exposure{std::vector<std::uint32_t>(960, 0), 100};
    std::mt19937_64 random(1);
    double theta = -2.0;
    for (auto _ : state) {
        TestState test = selector.start();
        for (int question = 0; question < 32; ++question) {
            const std::optional<int> next = selector.next(test, theta, random, &exposure);
            benchmark::DoNotOptimize(next);
            selector.record(test, *next);
            ++exposure.shown[static_cast<std::size_t>(*next)];
            theta = theta > 2.0 ? -2.0 : theta + 0.137;
        }
        ++exposure.tests;
    }
    state.counters["per_selection"] = benchmark::Counter(32.0 * static_cast<double>(state.iterations()),
                                                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Selection);

} // namespace
