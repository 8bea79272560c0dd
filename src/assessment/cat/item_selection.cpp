#include "assessment/cat/item_selection.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace numeria::assessment::cat {

TestState::TestState(const Bank& bank, const Exclusions& excluded)
    : m_bank(&bank)
    , m_usable(static_cast<std::size_t>(bank.size()), 1)
    , m_tube_used(bank.tubes().size(), 0)
    , m_count(bank.competences().size(), 0)
    , m_available(bank.competences().size(), 0) {
    // Rule: docs/rules/certification-engine.md "Exclusions": items already answered, every item of a
    // skill whose incident the supervisor validated, and items that are not accessible when the
    // candidate needs adaptations. A skill the bank lacks excludes nothing.
    for (int item : excluded.items)
        if (item >= 0 && item < bank.size())
            m_usable[static_cast<std::size_t>(item)] = 0;
    std::vector<char> skill_excluded;
    if (!excluded.skills.empty()) {
        skill_excluded.assign(bank.skills().size(), 0);
        for (const std::string& name : excluded.skills)
            if (const int skill = bank.find_skill(name); skill >= 0)
                skill_excluded[static_cast<std::size_t>(skill)] = 1;
    }
    for (int i = 0; i < bank.size(); ++i) {
        const Item& item = bank.items()[static_cast<std::size_t>(i)];
        if ((excluded.needs_adaptations && !item.accessible) ||
            (!skill_excluded.empty() && skill_excluded[static_cast<std::size_t>(item.skill)]))
            m_usable[static_cast<std::size_t>(i)] = 0;
        if (m_usable[static_cast<std::size_t>(i)])
            ++m_available[static_cast<std::size_t>(item.competence)];
    }
}

void TestState::make_unusable(int item) {
    if (!m_usable[static_cast<std::size_t>(item)])
        return;
    m_usable[static_cast<std::size_t>(item)] = 0;
    --m_available[static_cast<std::size_t>(m_bank->items()[static_cast<std::size_t>(item)].competence)];
}

void TestState::record(int item) {
    const Item& asked = m_bank->items()[static_cast<std::size_t>(item)];
    make_unusable(item);
    ++m_count[static_cast<std::size_t>(asked.competence)];
    m_asked.push_back(item);
    m_recent.push_front(asked.competence);
    if (m_recent.size() > 64)
        m_recent.pop_back();
    if (m_tube_rule_counted && !m_tube_used[static_cast<std::size_t>(asked.tube)]) {
        // Rule: docs/rules/certification-engine.md "Item selection": the other items of the tube leave the pool.
        for (int i : m_bank->tube_items(asked.tube))
            make_unusable(i);
    }
    m_tube_used[static_cast<std::size_t>(asked.tube)] = 1;
}

Selector::Selector(const Bank& bank, SelectionRules rules)
    : m_bank(bank)
    , m_rules(rules) {
    NUMERIA_ASSERT(rules.randomesque >= 1 && rules.randomesque <= 16, "randomesque k must be in 1..16");
    NUMERIA_ASSERT(rules.max_exposure_rate >= 0 && rules.max_exposure_rate <= 1, "exposure rate must be in [0, 1]");
    NUMERIA_ASSERT(rules.exposure_penalty >= 0 && std::isfinite(rules.exposure_penalty) &&
                       rules.exposure_penalty_power >= 1 && std::isfinite(rules.exposure_penalty_power),
                   "exposure penalty must be finite, >= 0, with a power >= 1");
    if (rules.exposure_penalty_power <= 64 && rules.exposure_penalty_power == std::floor(rules.exposure_penalty_power))
        m_integer_power = static_cast<int>(rules.exposure_penalty_power);
    m_by_discrimination.resize(bank.competences().size());
    for (int position : bank.by_discrimination())
        m_by_discrimination[static_cast<std::size_t>(bank.items()[static_cast<std::size_t>(position)].competence)]
            .push_back(position);
}

double Selector::penalty(double share_of_cap) const {
    if (m_integer_power == 0)
        return m_rules.exposure_penalty * std::pow(share_of_cap, m_rules.exposure_penalty_power);
    double power = 1.0;
    double square = share_of_cap;
    for (int n = m_integer_power; n > 0; n >>= 1, square *= square)
        if (n & 1)
            power *= square;
    return m_rules.exposure_penalty * power;
}

TestState Selector::start(const Exclusions& excluded) const {
    TestState state(m_bank, excluded);
    state.m_tube_rule_counted = m_rules.one_per_tube;
    return state;
}

void Selector::record(TestState& state, int item) const {
    state.record(item);
}

std::optional<int> Selector::next(const TestState& state, double theta, std::mt19937_64& random,
                                  const ExposureCounts* exposure) const {
    if (state.asked() >= m_rules.length)
        return std::nullopt;
    if (m_rules.exclude_last_competences > 0)
        if (auto chosen = pick(state, theta, random, exposure, true))
            return chosen;
    // Rule: docs/rules/certification-engine.md "Item selection": the "last N competences" rule is
    // dropped when it empties the pool.
    return pick(state, theta, random, exposure, false);
}

std::optional<int> Selector::pick(const TestState& state, double theta, std::mt19937_64& random,
                                  const ExposureCounts* exposure, bool with_recent_rule) const {
    const std::size_t competences = m_bank.competences().size();
    // Rule: docs/rules/certification-engine.md "Item selection", quota: among competences that still have items, only
    // those with the fewest questions so far are eligible.
    int fewest = std::numeric_limits<int>::max();
    for (std::size_t c = 0; c < competences; ++c)
        if (state.m_available[c] > 0)
            fewest = std::min(fewest, state.m_count[c]);
    if (fewest == std::numeric_limits<int>::max())
        return std::nullopt;
    auto recent = [&](int competence) {
        if (!with_recent_rule)
            return false;
        const std::size_t last =
            std::min(state.m_recent.size(), static_cast<std::size_t>(m_rules.exclude_last_competences));
        return std::find(state.m_recent.begin(), state.m_recent.begin() + static_cast<long>(last), competence) !=
               state.m_recent.begin() + static_cast<long>(last);
    };
    // Rule: docs/rules/certification-engine.md "Exposure control" (docs/adr/0006): an item already shown in the allowed
    // share of the tests so far is skipped while other items remain.
    const double exposure_cap = exposure && exposure->tests > 0 ? m_rules.max_exposure_rate * exposure->tests : 0.0;
    // Rule: docs/rules/certification-engine.md "Exposure control" (docs/adr/0006): the criterion loses κ·(rate/r)^p as
    // an item nears its cap, so that near-capped items give way before the cap cuts them off. The penalty is ≥ 0, so
    // a²/4 still bounds the criterion and the early stop of the scan below stays exact.
    const double inverse_cap = exposure_cap > 0 && m_rules.exposure_penalty > 0 ? 1.0 / exposure_cap : 0.0;

    // The k best (criterion, position), best first; ties go to the lowest bank position. The result
    // does not depend on the order of the scan, which goes competence by competence.
    const int k = m_rules.randomesque;
    std::array<std::pair<double, int>, 16> best{};
    int found = 0;
    auto better = [](const std::pair<double, int>& x, const std::pair<double, int>& y) {
        return x.first > y.first || (x.first == y.first && x.second < y.second);
    };
    for (std::size_t competence = 0; competence < competences; ++competence) {
        if (state.m_available[competence] == 0 || (m_rules.quota_balance && state.m_count[competence] != fewest) ||
            recent(static_cast<int>(competence)))
            continue;
        for (int position : m_by_discrimination[competence]) {
            const Item& item = m_bank.items()[static_cast<std::size_t>(position)];
            // a²/4 is the most this item (and every later, less discriminating one) can give.
            const double most = item.a * item.a * 0.25;
            if (found == k && most < best[static_cast<std::size_t>(k - 1)].first)
                break;
            if (!state.m_usable[static_cast<std::size_t>(position)])
                continue;
            if (m_rules.one_per_tube && state.m_tube_used[static_cast<std::size_t>(item.tube)])
                continue;
            // exposure_cap > 0 only with an exposure (above); the analyzer does not keep that across the loop.
            // NOLINTNEXTLINE(clang-analyzer-core.CallAndMessage)
            const std::uint32_t shown = exposure_cap > 0 ? exposure->shown[static_cast<std::size_t>(position)] : 0;
            if (exposure_cap > 0 && shown >= exposure_cap)
                continue;
            const double lost = inverse_cap > 0 ? penalty(shown * inverse_cap) : 0.0;
            // An item that cannot beat the k-th best needs no exp(): with d = a(θ − b),
            // P(1 − P) = 1 / (2 + 2 cosh d) ≤ 1 / (4 + d²), so I ≤ a² / (4 + d²).
            const double d = item.a * (theta - item.b);
            if (found == k && item.a * item.a / (4.0 + d * d) - lost < best[static_cast<std::size_t>(k - 1)].first)
                continue;
            const std::pair<double, int> candidate{information(item.a, item.b, theta) - lost, position};
            if (found < k)
                best[static_cast<std::size_t>(found++)] = candidate;
            else if (better(candidate, best[static_cast<std::size_t>(k - 1)]))
                best[static_cast<std::size_t>(k - 1)] = candidate;
            else
                continue;
            for (int i = found - 1;
                 i > 0 && better(best[static_cast<std::size_t>(i)], best[static_cast<std::size_t>(i - 1)]); --i)
                std::swap(best[static_cast<std::size_t>(i)], best[static_cast<std::size_t>(i - 1)]);
        }
    }
    if (found == 0)
        return exposure_cap > 0 ? pick(state, theta, random, nullptr, with_recent_rule) : std::nullopt;
    if (found == 1 || k == 1)
        return best[0].second;
    // Rule: docs/rules/certification-engine.md "Exposure control", randomesque top-k (the national
    // platform draws among the top 5 with probabilities 0.51/0.25/…; here uniformly among the k best).
    std::uniform_int_distribution<int> draw(0, found - 1);
    return best[static_cast<std::size_t>(draw(random))].second;
}

} // namespace numeria::assessment::cat
