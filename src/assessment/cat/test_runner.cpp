#include "assessment/cat/test_runner.hpp"

namespace numeria::assessment::cat {

TestRecord run_test(const Selector& selector, const GridConfig& grid, std::mt19937_64& random,
                    const std::function<bool(int item, int index)>& answer, const ExposureCounts* exposure,
                    const std::vector<int>& excluded) {
    TestState state = selector.start(excluded);
    EapEstimator estimator(grid);
    TestRecord record;
    while (auto item = selector.next(state, estimator.eap(), random, exposure)) {
        const bool right = answer(*item, state.asked());
        selector.record(state, *item);
        const Item& asked = selector.bank().items()[static_cast<std::size_t>(*item)];
        estimator.update(asked.a, asked.b, right);
        record.items.push_back(*item);
        record.correct.push_back(right);
    }
    record.eap = estimator.eap();
    record.sd = estimator.sd();
    return record;
}

TestRecord complete_as_wrong(const Bank& bank, const SelectionRules& rules, const GridConfig& grid,
                             const TestRecord& answered) {
    SelectionRules deterministic = rules;
    deterministic.randomesque = 1;
    deterministic.max_exposure_rate = 0;
    const Selector selector(bank, deterministic);
    TestState state = selector.start();
    EapEstimator estimator(grid);
    TestRecord record;
    for (std::size_t i = 0; i < answered.items.size(); ++i) {
        selector.record(state, answered.items[i]);
        const Item& item = bank.items()[static_cast<std::size_t>(answered.items[i])];
        estimator.update(item.a, item.b, answered.correct[i]);
        record.items.push_back(answered.items[i]);
        record.correct.push_back(answered.correct[i]);
    }
    std::mt19937_64 unused(0);
    while (auto item = selector.next(state, estimator.eap(), unused)) {
        selector.record(state, *item);
        const Item& missing = bank.items()[static_cast<std::size_t>(*item)];
        estimator.update(missing.a, missing.b, false);
        record.items.push_back(*item);
        record.correct.push_back(false);
    }
    record.eap = estimator.eap();
    record.sd = estimator.sd();
    return record;
}

} // namespace numeria::assessment::cat
