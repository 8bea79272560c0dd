// eap_estimator.hpp: the ability estimate of a candidate: the mean (EAP) and standard deviation of
// the posterior on an equally spaced grid with a normal prior, updated answer by answer in O(grid)
// (docs/rules/certification-engine.md "Ability estimate"). Unlike the national platform (a prior
// re-centred on the previous estimate and capped moves), the prior is fixed, so the estimate does
// not depend on the order of the answers: a textbook EAP.
#pragma once

#include "core/result.hpp"

#include <vector>

namespace numeria::assessment::cat {

struct GridConfig {
    double prior_mean = 0.0;
    double prior_sd = 1.0;
    double min = -6.0;
    double max = 6.0;
    int points = 241;
};

// A grid the estimator can use: at least 2 points, finite bounds with max > min, a finite prior
// with SD > 0 whose density (relative to its peak) does not underflow at every grid point; else an
// error whose reason is a "cat.grid.*" key and whose detail says in French what is wrong.
[[nodiscard]] Status check_grid(const GridConfig& config);

class EapEstimator {
public:
    // `config` must pass check_grid.
    explicit EapEstimator(const GridConfig& config = {});

    // Multiplies the posterior by P(θ) (right) or 1 − P(θ) (wrong) at every grid point; a > 0 and b
    // finite.
    void update(double a, double b, bool correct);

    [[nodiscard]] double eap() const { return m_eap; }
    [[nodiscard]] double sd() const { return m_sd; }
    [[nodiscard]] int answers() const { return m_answers; }
    [[nodiscard]] const std::vector<double>& grid() const { return m_theta; }

private:
    void update_in_logs(double a, double b, bool correct);
    void summarize();

    std::vector<double> m_theta;
    std::vector<double> m_weight; // posterior up to a constant, rescaled to sum 1 after each update
    double m_step = 0.0;
    double m_eap = 0.0;
    double m_sd = 0.0;
    int m_answers = 0;
};

} // namespace numeria::assessment::cat
