#include "assessment/cat/eap_estimator.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace numeria::assessment::cat {

namespace {

// Beyond this exponent a likelihood factor can fall below 1e-260 on the whole grid (or exp()
// overflow), so the product with the posterior could vanish: update_in_logs takes over.
constexpr double LARGEST_DIRECT_EXPONENT = 600.0;

double prior_density(const GridConfig& config, double theta) {
    const double z = (theta - config.prior_mean) / config.prior_sd;
    return std::exp(-0.5 * z * z);
}

double grid_step(const GridConfig& config) {
    return (config.max - config.min) / (config.points - 1);
}

// log(1 + exp(x)) without overflow.
double softplus(double x) {
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

Status invalid(const char* reason, const char* detail) {
    return fail(Error::invalid(reason, detail));
}

} // namespace

Status check_grid(const GridConfig& config) {
    if (config.points < 2)
        return invalid("cat.grid.points", "la grille doit avoir au moins 2 points");
    if (!std::isfinite(config.min) || !std::isfinite(config.max) || !(config.max > config.min) ||
        !std::isfinite(config.max - config.min))
        return invalid("cat.grid.bounds",
                       "les bornes de la grille doivent être finies, le maximum au-dessus du minimum");
    if (!std::isfinite(config.prior_mean) || !std::isfinite(config.prior_sd) || !(config.prior_sd > 0))
        return invalid("cat.grid.prior", "la loi a priori doit avoir une moyenne finie et un écart-type fini positif");
    const double step = grid_step(config);
    double peak = 0.0;
    for (int i = 0; i < config.points; ++i)
        peak = std::max(peak, prior_density(config, config.min + step * i));
    // The posterior is rescaled to sum 1 after each answer: a prior density below the smallest
    // normal double at every point would leave nothing (or an overflowing 1/total) to rescale.
    if (!(peak >= DBL_MIN))
        return invalid("cat.grid.prior_outside_grid",
                       "la loi a priori ne met aucune masse sur la grille (densité nulle en chaque point) : "
                       "rapprochez la moyenne de la grille ou élargissez l'écart-type");
    return {};
}

EapEstimator::EapEstimator(const GridConfig& config) {
    // check_grid's prior test costs one exp() per point: summarize() asserts what it protects.
    NUMERIA_ASSERT(config.points >= 2 && std::isfinite(config.min) && std::isfinite(config.max - config.min) &&
                       config.max > config.min && std::isfinite(config.prior_mean) && std::isfinite(config.prior_sd) &&
                       config.prior_sd > 0,
                   "invalid EAP grid (see check_grid)");
    m_step = grid_step(config);
    m_theta.resize(static_cast<std::size_t>(config.points));
    m_weight.resize(m_theta.size());
    for (std::size_t i = 0; i < m_theta.size(); ++i) {
        m_theta[i] = config.min + m_step * static_cast<double>(i);
        m_weight[i] = prior_density(config, m_theta[i]);
    }
    summarize();
}

// Rule: docs/rules/certification-engine.md "Ability estimate": incremental update, O(grid) per answer. e_i = exp(−a(θᵢ
// − b)) on an equally spaced grid is a geometric sequence: one exp() at the lowest point θ₀, then one multiplication by
// the ratio exp(−a·step) < 1 per point, so e_i only decreases from e₀ and P_i = 1 / (1 + e_i). The
// exponents at both ends are checked first: when e₀ could overflow or a factor be so small on the
// whole grid that the posterior would vanish (an item far from the grid), the update is made on
// logarithms instead (update_in_logs), which never happens with calibrated items.
void EapEstimator::update(double a, double b, bool correct) {
    NUMERIA_ASSERT(a > 0 && std::isfinite(a) && std::isfinite(b), "item parameters must be finite, a > 0");
    const std::size_t n = m_theta.size();
    const double at_lowest = a * (b - m_theta.front()); // log e₀
    const double at_highest = a * (m_theta.back() - b); // −log e_{n−1}
    if (!(std::max(at_lowest, at_highest) <= LARGEST_DIRECT_EXPONENT)) {
        update_in_logs(a, b, correct);
    } else {
        const double ratio = std::exp(-a * m_step);
        double e = std::exp(at_lowest);
        if (correct) {
            for (std::size_t i = 0; i < n; ++i, e *= ratio)
                m_weight[i] /= 1.0 + e;
        } else {
            for (std::size_t i = 0; i < n; ++i, e *= ratio)
                m_weight[i] *= e / (1.0 + e);
        }
    }
    ++m_answers;
    summarize();
}

// w_i ← w_i · P_i computed as exp(log w_i + log P_i − max_j(…)): the largest term becomes 1.
// log P = −softplus(a(b − θ)) and log(1 − P) = −softplus(−a(b − θ)).
void EapEstimator::update_in_logs(double a, double b, bool correct) {
    std::vector<double> logs(m_theta.size());
    double largest = -HUGE_VAL;
    for (std::size_t i = 0; i < m_theta.size(); ++i) {
        const double z = std::clamp(a * (b - m_theta[i]), -1e300, 1e300);
        logs[i] = std::log(m_weight[i]) - softplus(correct ? z : -z); // −inf where the weight is 0
        largest = std::max(largest, logs[i]);
    }
    for (std::size_t i = 0; i < m_theta.size(); ++i)
        m_weight[i] = std::exp(logs[i] - largest);
}

void EapEstimator::summarize() {
    double total = 0.0;
    double first = 0.0;
    for (std::size_t i = 0; i < m_theta.size(); ++i) {
        total += m_weight[i];
        first += m_weight[i] * m_theta[i];
    }
    NUMERIA_ASSERT(total >= DBL_MIN && std::isfinite(total), "EAP posterior vanished");
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
