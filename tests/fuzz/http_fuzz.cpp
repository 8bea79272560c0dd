// http_fuzz.cpp: libFuzzer target for the HTTP head as web/server.cpp reads it: Boost.Beast's
// request parser on the bytes, then our own code on the result (percent_decode of the path, the
// query, parse_cookies, parse_form on what follows the head) and the route table's match. The
// patterns are those of src/web/routes.cpp, extracted at configure time (fuzz_routes.inc), so no
// handler, storage or SOCI is linked.
#include "fuzz_support.hpp"
#include "web/http.hpp"
#include "web/router.hpp"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

#include <cctype>
#include <string>

using namespace numeria;
namespace http = boost::beast::http;

namespace {

const web::Router& router() {
    static const web::Router table = [] {
        using web::Method;
        web::Router built;
        const std::pair<Method, const char*> routes[] = {
#include "fuzz_routes.inc"
        };
        for (const auto& [method, pattern] : routes)
            built.add({method, pattern, web::Access::Anonymous, web::DEFAULT_BODY_LIMIT, {}, ""});
        return built;
    }();
    return table;
}

void check_percent_round_trip(std::string_view text) {
    const std::optional<std::string> decoded = web::percent_decode(web::percent_encode(text), false);
    NUMERIA_ASSERT(decoded && *decoded == text, "percent_decode undoes percent_encode");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::as_text(data, size);
    http::request_parser<http::empty_body> parser;
    parser.header_limit(16 * 1024); // web/server.hpp's default
    parser.eager(false);
    boost::beast::error_code error;
    const std::size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), error);
    if (error && error != http::error::need_more)
        return 0;
    if (!parser.is_header_done()) {
        if (parser.got_some()) // Beast asserts that something was read before the end of the stream
            parser.put_eof(error);
        return 0;
    }
    NUMERIA_ASSERT(used <= size, "the parser never reads past the input");

    // What Session::on_head does with the head (web/server.cpp).
    const auto& head = parser.get();
    web::Request request;
    request.method = web::parse_method(std::string_view(head.method_string().data(), head.method_string().size()));
    request.target = std::string(head.target());
    for (const auto& field : head) {
        std::string name(field.name_string());
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value(field.value());
        auto [it, inserted] = request.headers.emplace(name, value);
        if (!inserted)
            it->second += ", " + value;
    }
    if (auto cookie = request.header("cookie"))
        request.cookies = web::parse_cookies(*cookie);
    request.form = web::parse_form(bytes.substr(used));
    if (request.target.empty() || request.target.front() != '/')
        return 0;
    const std::size_t question = request.target.find('?');
    const std::optional<std::string> path =
        web::percent_decode(std::string_view(request.target).substr(0, question), false);
    if (!path || path->find('\0') != std::string::npos)
        return 0;
    request.path = *path;
    check_percent_round_trip(request.path);
    if (question != std::string::npos)
        request.query = request.target.substr(question + 1);
    (void)request.query_param("retour");
    (void)web::parse_form(request.query);
    const web::RouteMatch match = router().match(request.method, request.path);
    if (match.route != nullptr) {
        NUMERIA_ASSERT(!match.allowed.empty(), "a matched route's method is among the allowed ones");
        for (const auto& [name, value] : match.params)
            NUMERIA_ASSERT(!name.empty(), "every parameter has a name");
    }
    return 0;
}
