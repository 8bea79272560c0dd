// metrics.hpp: request counters and latency histograms per route, rendered in the Prometheus
// text exposition format at GET /metrics, with the database pool's figures.
#pragma once

#include "application/unit_of_work.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace numeria::web {

class Metrics {
public:
    // Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                       0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    void observe(const std::string& method, const std::string& route, int status, std::uint64_t micros);
    [[nodiscard]] std::string render(const application::PoolStats& pool, const char* engine) const;

private:
    struct Histogram {
        std::array<std::uint64_t, BUCKETS.size()> buckets{};
        std::uint64_t count = 0;
        double sum_seconds = 0;
    };
    mutable std::mutex m_mutex;
    // (method, route, status class) -> count
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> m_requests;
    std::map<std::pair<std::string, std::string>, Histogram> m_latency;
};

} // namespace numeria::web
