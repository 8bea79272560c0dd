#include "assessment/cat/irt.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <numeric>

namespace numeria::assessment::cat {

namespace {

int intern(std::vector<std::string>& names, const std::string& name) {
    auto found = std::find(names.begin(), names.end(), name);
    if (found != names.end())
        return static_cast<int>(found - names.begin());
    names.push_back(name);
    return static_cast<int>(names.size()) - 1;
}

} // namespace

const std::vector<std::string>& competence_codes() {
    static const std::vector<std::string> codes{"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1",
                                                "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"};
    return codes;
}

void Bank::add(std::string id, const std::string& competence, const std::string& tube, double a, double b,
               const std::string& skill, bool accessible) {
    const bool added = m_positions.emplace(id, size()).second;
    NUMERIA_ASSERT(added, "duplicate item id in a bank");
    // Skills are about as many as items: interned through a map, not a scan.
    const std::string& skill_name = skill.empty() ? id : skill;
    const auto [found_skill, new_skill] = m_skill_indexes.emplace(skill_name, static_cast<int>(m_skills.size()));
    if (new_skill)
        m_skills.push_back(skill_name);
    m_items.push_back(Item{std::move(id), intern(m_competences, competence), intern(m_tubes, tube), a, b,
                           found_skill->second, accessible});
    m_tube_items.resize(m_tubes.size());
    m_tube_items[static_cast<std::size_t>(m_items.back().tube)].push_back(static_cast<int>(m_items.size()) - 1);
    m_by_discrimination.clear();
}

const std::vector<int>& Bank::by_discrimination() const {
    if (m_by_discrimination.size() != m_items.size()) {
        m_by_discrimination.resize(m_items.size());
        std::iota(m_by_discrimination.begin(), m_by_discrimination.end(), 0);
        std::stable_sort(m_by_discrimination.begin(), m_by_discrimination.end(),
                         [&](int left, int right) { return m_items[left].a > m_items[right].a; });
    }
    return m_by_discrimination;
}

int Bank::find_skill(const std::string& name) const {
    const auto found = m_skill_indexes.find(name);
    return found == m_skill_indexes.end() ? -1 : found->second;
}

int Bank::find(const std::string& id) const {
    const auto found = m_positions.find(id);
    return found == m_positions.end() ? -1 : found->second;
}

} // namespace numeria::assessment::cat
