#include "web/router.hpp"

#include "core/assert.hpp"

#include <algorithm>

namespace numeria::web {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    if (!path.empty() && path.front() == '/')
        path.remove_prefix(1);
    while (true) {
        std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

void Router::add(Route route) {
    NUMERIA_ASSERT(!route.pattern.empty() && route.pattern.front() == '/', "route patterns start with '/'");
    NUMERIA_ASSERT(route.reads_session || route.access == Access::Anonymous, "a sessionless route is anonymous");
    for (const Route& existing : m_routes)
        NUMERIA_ASSERT(!(existing.method == route.method && existing.pattern == route.pattern), "duplicate route");
    Compiled compiled;
    for (std::string_view segment : split_path(route.pattern)) {
        NUMERIA_ASSERT(segment.size() != 1 || (segment[0] != ':' && segment[0] != '*'), "unnamed route parameter");
        compiled.segments.emplace_back(segment);
    }
    for (std::size_t i = 0; i + 1 < compiled.segments.size(); ++i)
        NUMERIA_ASSERT(compiled.segments[i].empty() || compiled.segments[i][0] != '*', "wildcard must be last");
    if (route.name.empty())
        route.name = route.pattern;
    m_routes.push_back(std::move(route));
    m_compiled.push_back(std::move(compiled));
}

bool Router::match_one(const Compiled& compiled, const std::vector<std::string_view>& path,
                       std::map<std::string, std::string>& params) {
    std::size_t i = 0;
    for (; i < compiled.segments.size(); ++i) {
        const std::string& segment = compiled.segments[i];
        if (!segment.empty() && segment[0] == '*') {
            std::string rest;
            for (std::size_t j = i; j < path.size(); ++j) {
                if (j > i)
                    rest += '/';
                rest += path[j];
            }
            params[segment.substr(1)] = rest;
            return true;
        }
        if (i >= path.size())
            return false;
        if (!segment.empty() && segment[0] == ':') {
            if (path[i].empty())
                return false;
            params[segment.substr(1)] = std::string(path[i]);
            continue;
        }
        if (segment != path[i])
            return false;
    }
    return i == path.size();
}

RouteMatch Router::match(Method method, const std::string& path) const {
    RouteMatch result;
    const std::vector<std::string_view> segments = split_path(path);
    for (std::size_t index = 0; index < m_routes.size(); ++index) {
        std::map<std::string, std::string> params;
        if (!match_one(m_compiled[index], segments, params))
            continue;
        const Route& route = m_routes[index];
        // HEAD is answered by the GET route, without a body.
        bool same_method = route.method == method || (method == Method::Head && route.method == Method::Get);
        if (same_method && result.route == nullptr) {
            result.route = &route;
            result.params = std::move(params);
        }
        if (std::find(result.allowed.begin(), result.allowed.end(), route.method) == result.allowed.end())
            result.allowed.push_back(route.method);
    }
    return result;
}

std::uint64_t Router::largest_body_limit() const {
    std::uint64_t largest = DEFAULT_BODY_LIMIT;
    for (const Route& route : m_routes)
        largest = std::max(largest, route.body_limit);
    return largest;
}

} // namespace numeria::web
