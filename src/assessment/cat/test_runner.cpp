#include "assessment/cat/test_runner.hpp"

namespace numeria::assessment::cat {

namespace {

// One answered question: the state, the estimate and the record move together.
void answer_item(const Selector& selector, TestState& state, EapEstimator& estimator, TestRecord& record, int item,
                 bool right) {
    selector.record(state, item);
    const Item& asked = selector.bank().items()[static_cast<std::size_t>(item)];
    estimator.update(asked.a, asked.b, right);
    record.items.push_back(item);
    record.correct.push_back(right);
}

TestRecord finish(TestRecord record, const EapEstimator& estimator) {
    record.eap = estimator.eap();
    record.sd = estimator.sd();
    return record;
}

} // namespace

TestRecord run_test(const Selector& selector, const GridConfig& grid, std::mt19937_64& random,
                    const std::function<bool(int item, int index)>& answer, const ExposureCounts* exposure,
                    const Exclusions& excluded) {
    TestState state = selector.start(excluded);
    EapEstimator estimator(grid);
    TestRecord record;
    while (auto item = selector.next(state, estimator.eap(), random, exposure))
        answer_item(selector, state, estimator, record, *item, answer(*item, state.asked()));
    return finish(std::move(record), estimator);
}

TestRecord complete_as_wrong(const Bank& bank, const SelectionRules& rules, const GridConfig& grid,
                             const TestRecord& answered, const Exclusions& excluded) {
    SelectionRules deterministic = rules;
    deterministic.randomesque = 1;
    deterministic.max_exposure_rate = 0;
    deterministic.exposure_penalty = 0;
    const Selector selector(bank, deterministic);
    TestState state = selector.start(excluded);
    EapEstimator estimator(grid);
    TestRecord record;
    for (std::size_t i = 0; i < answered.items.size(); ++i)
        answer_item(selector, state, estimator, record, answered.items[i], answered.correct[i]);
    std::mt19937_64 unused(0);
    while (auto item = selector.next(state, estimator.eap(), unused))
        answer_item(selector, state, estimator, record, *item, false);
    return finish(std::move(record), estimator);
}

} // namespace numeria::assessment::cat
