// http.hpp: the request and response that web/ handlers see. The HTTP library (Boost.Beast,
// docs/adr/0005-http-and-templates.md) stays inside server.cpp; handlers only know these types.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace numeria::web {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };

[[nodiscard]] const char* method_name(Method method);
[[nodiscard]] Method parse_method(std::string_view name);

// Who may call a route (shared/DESIGN.md §5). Declared in the route table for every route.
enum class Access {
    Anonymous,     // anyone, signed in or not
    Learner,       // any signed-in user
    Member,        // member of the organisation named in the path
    OrgAdmin,      // admin of the organisation named in the path
    CentreMember,  // member of the certification centre named in the path
    Supervisor,    // supervisor of the session named in the path
    NationalAdmin, // national administrator (Admin space)
};

[[nodiscard]] const char* access_name(Access access);

constexpr std::uint64_t DEFAULT_BODY_LIMIT = 1024ULL * 1024;     // 1 MB
constexpr std::uint64_t UPLOAD_BODY_LIMIT = 20ULL * 1024 * 1024; // 20 MB

struct Request {
    Method method = Method::Get;
    std::string target;                         // as received: path and query
    std::string path;                           // percent-decoded path, without the query
    std::string query;                          // raw query string, without '?'
    std::map<std::string, std::string> headers; // lower-case names
    std::map<std::string, std::string> params;  // path parameters from the route pattern
    std::string body;
    std::string request_id;
    std::string remote_address;

    [[nodiscard]] std::optional<std::string> header(const std::string& lower_case_name) const;
    [[nodiscard]] std::optional<std::string> query_param(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }

    [[nodiscard]] static Response json(int status, std::string body);
    [[nodiscard]] static Response text(int status, std::string body, std::string content_type);
};

// Percent-decodes a URL path or query component ('+' is a space only in queries).
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

} // namespace numeria::web
