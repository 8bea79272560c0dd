// router.hpp: the explicit route table's machinery. A route is a method, a path pattern with
// parameters (`/orga/:org_id/eleves`) or a final wildcard (`/assets/*path`), who may call it,
// its body-size limit and its handler. web/routes.cpp lists every route in one place.
#pragma once

#include "web/http.hpp"

#include <functional>
#include <string>
#include <vector>

namespace numeria::web {

struct WebApp;

using Handler = std::function<Response(const Request&, WebApp&)>;

struct Route {
    Method method = Method::Get;
    std::string pattern;
    Access access = Access::Anonymous;
    std::uint64_t body_limit = DEFAULT_BODY_LIMIT;
    Handler handler;
    std::string name; // metric and log label; the pattern when empty
    // False for routes that never look at who calls (static files, health checks): no cookie is
    // read and no database query runs before the handler (docs/adr/0008 "Request path").
    bool reads_session = true;
    // True for the few routes a user whose password was set by someone else may call before
    // choosing their own (docs/rules/accounts.md "Forced password change"); every other route
    // sends them to the change page (403 on the API).
    bool before_password_change = false;
};

struct RouteMatch {
    const Route* route = nullptr; // null when nothing matched
    std::map<std::string, std::string> params;
    std::vector<Method> allowed; // methods of routes matching the path (for 405)
};

class Router {
public:
    // Adds a route; a malformed pattern or a duplicate (method, pattern) is a bug (asserts).
    void add(Route route);
    [[nodiscard]] RouteMatch match(Method method, const std::string& path) const;
    [[nodiscard]] const std::vector<Route>& routes() const { return m_routes; }
    // The largest body any route accepts: the parser's limit before the route is known.
    [[nodiscard]] std::uint64_t largest_body_limit() const;

private:
    struct Compiled {
        std::vector<std::string> segments; // literal, ":name" or "*name"
    };
    static bool match_one(const Compiled& compiled, const std::vector<std::string_view>& path,
                          std::map<std::string, std::string>& params);

    std::vector<Route> m_routes;
    std::vector<Compiled> m_compiled;
};

// Splits "/a/b/" into {"a","b",""}; "/" gives {""}.
[[nodiscard]] std::vector<std::string_view> split_path(std::string_view path);

} // namespace numeria::web
