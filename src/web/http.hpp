// http.hpp: the request and response that web/ handlers see. The HTTP library (Boost.Beast,
// docs/adr/0005-http-and-templates.md) stays inside server.cpp; handlers only know these types.
#pragma once

#include "application/viewer_query.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace numeria::web {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };

[[nodiscard]] const char* method_name(Method method);
[[nodiscard]] Method parse_method(std::string_view name);

// Who may call a route (docs/rules/security.md "Access"). Declared in the route table for every route.
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

// The signed-in person making the request, resolved from the session cookie by web/dispatch.cpp.
struct Viewer {
    std::int64_t user_id = 0;
    std::string first_name;
    std::string last_name;
    bool must_change_password = false;
    bool national_admin = false;
    // Read with the session in one query: the access check of organisation routes and the Orga
    // menu use them without asking the database again.
    std::vector<application::ViewerMembership> memberships;
    std::optional<std::string> email; // the log-in names of the account ("Mon espace")
    std::optional<std::string> username;
};

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
    std::map<std::string, std::string> cookies;
    std::map<std::string, std::string> form; // url-encoded form fields of a POST
    std::optional<Viewer> viewer;            // empty when nobody is signed in
    std::string session_token;               // the session cookie's value, when valid
    std::string csrf_token;                  // the value every form of the page must post back
    std::int64_t organization_id = 0;        // the :org_id of the route, once access was checked
    bool organization_admin = false;         // the viewer is ADMIN of that organisation
    bool new_csrf_cookie = false;            // the response must set the CSRF cookie to csrf_token
    bool authorized = false;                 // authorize_head already checked this request
    std::string body_file;                   // a large body, streamed to this file instead of `body`

    [[nodiscard]] std::optional<std::string> header(const std::string& lower_case_name) const;
    [[nodiscard]] std::optional<std::string> query_param(const std::string& name) const;
    // A posted form field, "" when absent.
    [[nodiscard]] std::string field(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // A body made piece by piece, sent with chunked transfer encoding in constant memory (exports
    // of any size): called until it returns false, each call appending the next piece to `out`.
    // It runs after the head is sent: a failure then cuts the connection, so the client sees an
    // incomplete transfer, never a truncated file that looks whole.
    std::function<bool(std::string& out)> stream;

    void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }

    [[nodiscard]] static Response json(int status, std::string body);
    // 303 See Other to a local path (after a form post).
    [[nodiscard]] static Response redirect(std::string location);
    [[nodiscard]] static Response text(int status, std::string body, std::string content_type);
};

// Parses "a=1&b=2" (application/x-www-form-urlencoded); a malformed pair is skipped.
[[nodiscard]] std::map<std::string, std::string> parse_form(std::string_view body);
// Parses a Cookie header ("a=1; b=2").
[[nodiscard]] std::map<std::string, std::string> parse_cookies(std::string_view header);

// Percent-encodes everything but unreserved characters and '/' (for a path in a query value).
[[nodiscard]] std::string percent_encode(std::string_view text);

// Percent-decodes a URL path or query component ('+' is a space only in queries).
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Rule: docs/rules/security.md "Header values": true when `value` holds no control character
// (CR, LF, NUL, TAB, DEL…), so it cannot end a header line or start another. The server refuses
// to send a response with any other value.
[[nodiscard]] bool is_safe_header_value(std::string_view value);

// Rule: docs/rules/security.md "Redirects": `target` as a path of this site ("/orga/3?x=1"), or
// nothing when it could leave the site or break a header: it must start with one '/', not "//" nor
// "/\", and hold only visible ASCII characters without '\' (non-ASCII arrives percent-encoded).
[[nodiscard]] std::optional<std::string> safe_local_path(std::string_view target);

} // namespace numeria::web
