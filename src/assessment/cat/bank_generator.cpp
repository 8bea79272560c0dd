#include "assessment/cat/bank_generator.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace numeria::assessment::cat {

// Rule: docs/rules/certification-engine.md "Item bank": 16 competences × 60 items, 12 tubes of 5 per competence, b ~
// N(0, 1.5) and a = exp(N(0, 0.3)) clipped to [0.25, 4] (second parameter: the standard deviation); the competence
// codes are those of the framework (docs/rules/content.md "Framework": "1.1"…"5.2").
Bank generate_bank(std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::normal_distribution<double> difficulty(0.0, 1.5);
    std::normal_distribution<double> log_discrimination(0.0, 0.3);
    Bank bank;
    for (const std::string& code : competence_codes()) {
        for (int tube = 1; tube <= 12; ++tube) {
            for (int item = 1; item <= 5; ++item) {
                const std::string tube_name = code + "-t" + (tube < 10 ? "0" : "") + std::to_string(tube);
                const std::string id = tube_name + "-i" + std::to_string(item);
                const double a = std::clamp(std::exp(log_discrimination(random)), 0.25, 4.0);
                const double b = difficulty(random);
                bank.add(id, code, tube_name, a, b);
            }
        }
    }
    return bank;
}

} // namespace numeria::assessment::cat
