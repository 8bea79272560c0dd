#include "assessment/cat/bank_generator.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace numeria::assessment::cat {

Bank generate_bank(std::uint64_t seed) {
    static const char* const codes[] = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1",
                                        "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"};
    std::mt19937_64 random(seed);
    std::normal_distribution<double> difficulty(0.0, 1.5);
    std::normal_distribution<double> log_discrimination(0.0, 0.3);
    Bank bank;
    for (const char* code : codes) {
        for (int tube = 1; tube <= 12; ++tube) {
            for (int item = 1; item <= 5; ++item) {
                const std::string tube_name = std::string(code) + "-t" + (tube < 10 ? "0" : "") + std::to_string(tube);
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
