#include "web/http.hpp"

#include <cctype>

namespace numeria::web {

const char* method_name(Method method) {
    switch (method) {
    case Method::Get:
        return "GET";
    case Method::Head:
        return "HEAD";
    case Method::Post:
        return "POST";
    case Method::Put:
        return "PUT";
    case Method::Patch:
        return "PATCH";
    case Method::Delete:
        return "DELETE";
    case Method::Options:
        return "OPTIONS";
    case Method::Other:
        return "OTHER";
    }
    return "OTHER";
}

Method parse_method(std::string_view name) {
    if (name == "GET")
        return Method::Get;
    if (name == "HEAD")
        return Method::Head;
    if (name == "POST")
        return Method::Post;
    if (name == "PUT")
        return Method::Put;
    if (name == "PATCH")
        return Method::Patch;
    if (name == "DELETE")
        return Method::Delete;
    if (name == "OPTIONS")
        return Method::Options;
    return Method::Other;
}

const char* access_name(Access access) {
    switch (access) {
    case Access::Anonymous:
        return "anonymous";
    case Access::Learner:
        return "learner";
    case Access::Member:
        return "member";
    case Access::OrgAdmin:
        return "org_admin";
    case Access::CentreMember:
        return "centre_member";
    case Access::Supervisor:
        return "supervisor";
    case Access::NationalAdmin:
        return "national_admin";
    }
    return "unknown";
}

std::optional<std::string> Request::header(const std::string& lower_case_name) const {
    auto found = headers.find(lower_case_name);
    if (found == headers.end())
        return std::nullopt;
    return found->second;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
    std::string_view rest = query;
    while (!rest.empty()) {
        std::size_t amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        std::size_t eq = pair.find('=');
        auto key = percent_decode(pair.substr(0, eq), true);
        if (key && *key == name) {
            if (eq == std::string_view::npos)
                return std::string();
            return percent_decode(pair.substr(eq + 1), true);
        }
        if (amp == std::string_view::npos)
            break;
        rest.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

std::string Request::field(const std::string& name) const {
    auto found = form.find(name);
    return found == form.end() ? std::string() : found->second;
}

Response Response::json(int status, std::string body) {
    return Response{status, "application/json", std::move(body), {}, {}};
}

Response Response::redirect(std::string location) {
    Response response{303, "text/plain; charset=utf-8", "", {}, {}};
    response.set_header("Location", std::move(location));
    return response;
}

std::string percent_encode(std::string_view text) {
    static constexpr char HEX[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += c;
        } else {
            out += '%';
            out += HEX[byte >> 4];
            out += HEX[byte & 0x0F];
        }
    }
    return out;
}

std::map<std::string, std::string> parse_form(std::string_view body) {
    std::map<std::string, std::string> fields;
    while (!body.empty()) {
        std::size_t amp = body.find('&');
        std::string_view pair = body.substr(0, amp);
        std::size_t eq = pair.find('=');
        auto key = percent_decode(pair.substr(0, eq), true);
        auto value =
            eq == std::string_view::npos ? std::optional<std::string>("") : percent_decode(pair.substr(eq + 1), true);
        if (key && value && !key->empty())
            fields[*key] = *value;
        if (amp == std::string_view::npos)
            break;
        body.remove_prefix(amp + 1);
    }
    return fields;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
    std::map<std::string, std::string> cookies;
    while (!header.empty()) {
        std::size_t semicolon = header.find(';');
        std::string_view pair = header.substr(0, semicolon);
        while (!pair.empty() && pair.front() == ' ')
            pair.remove_prefix(1);
        std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && eq > 0)
            cookies.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
        if (semicolon == std::string_view::npos)
            break;
        header.remove_prefix(semicolon + 1);
    }
    return cookies;
}

Response Response::text(int status, std::string body, std::string content_type) {
    return Response{status, std::move(content_type), std::move(body), {}, {}};
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            int high = hex(text[i + 1]);
            int low = hex(text[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool is_safe_header_value(std::string_view value) {
    for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F)
            return false;
    }
    return true;
}

std::optional<std::string> safe_local_path(std::string_view target) {
    constexpr std::size_t LONGEST = 2048;
    if (target.empty() || target.size() > LONGEST || target[0] != '/')
        return std::nullopt;
    if (target.size() > 1 && (target[1] == '/' || target[1] == '\\'))
        return std::nullopt;
    for (char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F || c == '\\')
            return std::nullopt;
    }
    return std::string(target);
}

} // namespace numeria::web
