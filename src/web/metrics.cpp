#include "web/metrics.hpp"

#include <sstream>

namespace numeria::web {

namespace {

// Label values are escaped as the exposition format requires (backslash, quote, newline).
std::string label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace

void Metrics::observe(const std::string& method, const std::string& route, int status, std::uint64_t micros) {
    const double seconds = static_cast<double>(micros) / 1e6;
    std::lock_guard lock(m_mutex);
    ++m_requests[{method, route, status}];
    Histogram& histogram = m_latency[{method, route}];
    for (std::size_t i = 0; i < BUCKETS.size(); ++i) {
        if (seconds <= BUCKETS[i])
            ++histogram.buckets[i];
    }
    ++histogram.count;
    histogram.sum_seconds += seconds;
}

std::string Metrics::render(const application::PoolStats& pool, const char* engine) const {
    std::ostringstream out;
    std::lock_guard lock(m_mutex);
    out << "# HELP numeria_http_requests_total HTTP requests answered, by method, route and status.\n"
        << "# TYPE numeria_http_requests_total counter\n";
    for (const auto& [key, count] : m_requests) {
        const auto& [method, route, status] = key;
        out << "numeria_http_requests_total{method=\"" << method << "\",route=\"" << label(route) << "\",status=\""
            << status << "\"} " << count << "\n";
    }
    out << "# HELP numeria_http_request_duration_seconds Time from the end of the request headers to the response.\n"
        << "# TYPE numeria_http_request_duration_seconds histogram\n";
    for (const auto& [key, histogram] : m_latency) {
        const std::string labels = "method=\"" + key.first + "\",route=\"" + label(key.second) + "\"";
        for (std::size_t i = 0; i < BUCKETS.size(); ++i)
            out << "numeria_http_request_duration_seconds_bucket{" << labels << ",le=\"" << BUCKETS[i] << "\"} "
                << histogram.buckets[i] << "\n";
        out << "numeria_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << histogram.count << "\n";
        out << "numeria_http_request_duration_seconds_sum{" << labels << "} " << histogram.sum_seconds << "\n";
        out << "numeria_http_request_duration_seconds_count{" << labels << "} " << histogram.count << "\n";
    }
    out << "# HELP numeria_db_pool_size Database sessions in the pool.\n# TYPE numeria_db_pool_size gauge\n"
        << "numeria_db_pool_size{engine=\"" << engine << "\"} " << pool.size << "\n"
        << "# HELP numeria_db_pool_in_use Database sessions leased right now.\n# TYPE numeria_db_pool_in_use gauge\n"
        << "numeria_db_pool_in_use{engine=\"" << engine << "\"} " << pool.in_use << "\n"
        << "# HELP numeria_db_pool_leases_total Leases of a database session.\n"
        << "# TYPE numeria_db_pool_leases_total counter\n"
        << "numeria_db_pool_leases_total{engine=\"" << engine << "\"} " << pool.leases << "\n"
        << "# HELP numeria_db_pool_waits_total Leases that waited for a free session.\n"
        << "# TYPE numeria_db_pool_waits_total counter\n"
        << "numeria_db_pool_waits_total{engine=\"" << engine << "\"} " << pool.waits << "\n";
    return out.str();
}

} // namespace numeria::web
