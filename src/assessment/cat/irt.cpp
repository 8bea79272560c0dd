#include "assessment/cat/irt.hpp"

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

void Bank::add(std::string id, const std::string& competence, const std::string& tube, double a, double b) {
    m_items.push_back(Item{std::move(id), intern(m_competences, competence), intern(m_tubes, tube), a, b});
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

int Bank::find(const std::string& id) const {
    for (std::size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i].id == id)
            return static_cast<int>(i);
    return -1;
}

} // namespace numeria::assessment::cat
