// irt.hpp: the two-parameter logistic model of certification items (docs/rules/certification-engine.md
// "Item model"): P(θ) = 1 / (1 + exp(−a(θ − b))), and the item bank
// the adaptive engine works on.
#pragma once

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace numeria::assessment::cat {

// Rule: docs/rules/certification-engine.md "Item model": the 2PL logistic model with D = 1.
[[nodiscard]] inline double probability(double a, double b, double theta) {
    return 1.0 / (1.0 + std::exp(-a * (theta - b)));
}

// Rule: docs/rules/certification-engine.md "Item model": Fisher information of a 2PL item, a² P (1 − P).
[[nodiscard]] inline double information(double a, double b, double theta) {
    const double p = probability(a, b, theta);
    return a * a * p * (1.0 - p);
}

// The codes of the 16 competences of the framework, "1.1" … "5.2" (docs/rules/content.md "Framework").
[[nodiscard]] const std::vector<std::string>& competence_codes();

struct Item {
    std::string id;
    int competence = 0;     // index into Bank::competences
    int tube = 0;           // index into Bank::tubes
    double a = 1.0;         // discrimination
    double b = 0.0;         // difficulty
    int skill = 0;          // index into Bank::skills; an item with no skill given is its own skill
    bool accessible = true; // usable by a candidate who needs adaptations (content: blind and color_blind)
};

// The items in their bank order (the order breaks ties), with the competences and tubes they use.
class Bank {
public:
    // Adds an item whose id is not in the bank yet; competences, tubes and skills are interned by
    // name. An empty `skill` means the item's own id.
    void add(std::string id, const std::string& competence, const std::string& tube, double a, double b,
             const std::string& skill = {}, bool accessible = true);

    [[nodiscard]] const std::vector<Item>& items() const { return m_items; }
    [[nodiscard]] const std::vector<std::string>& competences() const { return m_competences; }
    [[nodiscard]] const std::vector<std::string>& tubes() const { return m_tubes; }
    [[nodiscard]] const std::vector<std::string>& skills() const { return m_skills; }
    [[nodiscard]] int size() const { return static_cast<int>(m_items.size()); }
    // Item positions by decreasing discrimination (then bank order): selection scans them in this
    // order and stops as soon as a²/4, the most information an item can give, cannot beat the best.
    [[nodiscard]] const std::vector<int>& by_discrimination() const;
    // Item positions of one tube.
    [[nodiscard]] const std::vector<int>& tube_items(int tube) const {
        return m_tube_items[static_cast<std::size_t>(tube)];
    }
    // Position of an item id, or −1 (constant time).
    [[nodiscard]] int find(const std::string& id) const;
    // Index of a skill name in skills(), or −1 (constant time).
    [[nodiscard]] int find_skill(const std::string& name) const;

private:
    std::vector<Item> m_items;
    std::vector<std::string> m_competences;
    std::vector<std::string> m_tubes;
    std::vector<std::string> m_skills;
    std::vector<std::vector<int>> m_tube_items;
    std::unordered_map<std::string, int> m_positions;
    std::unordered_map<std::string, int> m_skill_indexes;
    mutable std::vector<int> m_by_discrimination;
};

} // namespace numeria::assessment::cat
