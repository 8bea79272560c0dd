#include "assessment/cat/eap_estimator.hpp"

#include "core/assert.hpp"

#include <cmath>

namespace numeria::assessment::cat {

EapEstimator::EapEstimator(const GridConfig& config) {
    NUMERIA_ASSERT(config.points >= 2 && config.max > config.min && config.prior_sd > 0, "invalid EAP grid");
    m_step = (config.max - config.min) / (config.points - 1);
    m_theta.resize(static_cast<std::size_t>(config.points));
    m_weight.resize(m_theta.size());
    for (std::size_t i = 0; i < m_theta.size(); ++i) {
        m_theta[i] = config.min + m_step * static_cast<double>(i);
        const double z = (m_theta[i] - config.prior_mean) / config.prior_sd;
        m_weight[i] = std::exp(-0.5 * z * z);
    }
    summarize();
}

// Rule: issue 6 item 1: incremental update, O(grid) per answer. exp(−a(θᵢ − b)) on an equally spaced
// grid is a geometric sequence: one exp() for the first point, then one multiplication per point.
// The ratio is applied from the point where the exponent is smallest in magnitude outwards, so no
// intermediate value overflows before the real one would.
void EapEstimator::update(double a, double b, bool correct) {
    const std::size_t n = m_theta.size();
    const double ratio = std::exp(-a * m_step);
    double e = std::exp(-a * (m_theta[0] - b)); // e_i = exp(-a(θ_i - b)); P_i = 1 / (1 + e_i)
    if (!std::isfinite(e) || !std::isfinite(ratio)) {
        for (std::size_t i = 0; i < n; ++i) {
            const double p = 1.0 / (1.0 + std::exp(-a * (m_theta[i] - b)));
            m_weight[i] *= correct ? p : 1.0 - p;
        }
    } else if (correct) {
        for (std::size_t i = 0; i < n; ++i, e *= ratio)
            m_weight[i] /= 1.0 + e;
    } else {
        for (std::size_t i = 0; i < n; ++i, e *= ratio)
            m_weight[i] *= e / (1.0 + e);
    }
    ++m_answers;
    summarize();
}

void EapEstimator::summarize() {
    double total = 0.0;
    double first = 0.0;
    for (std::size_t i = 0; i < m_theta.size(); ++i) {
        total += m_weight[i];
        first += m_weight[i] * m_theta[i];
    }
    NUMERIA_ASSERT(total > 0.0 && std::isfinite(total), "EAP posterior vanished");
    const double inverse = 1.0 / total;
    m_eap = first * inverse;
    double second = 0.0;
    for (std::size_t i = 0; i < m_theta.size(); ++i) {
        m_weight[i] *= inverse;
        const double d = m_theta[i] - m_eap;
        second += m_weight[i] * d * d;
    }
    m_sd = std::sqrt(second);
}

} // namespace numeria::assessment::cat
