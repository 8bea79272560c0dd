#include "web/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

namespace numeria::web {

namespace {

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The canonical text of an IP address, or nothing.
std::optional<std::string> ip_address(const std::string& text) {
    boost::system::error_code error;
    auto address = boost::asio::ip::make_address(text, error);
    if (error)
        return std::nullopt;
    return address.to_string();
}

} // namespace

std::string client_address(const std::string& peer, const std::optional<std::string>& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
    if (!forwarded_for || trusted_proxies.empty())
        return peer;
    const std::optional<std::string> canonical_peer = ip_address(peer);
    const bool trusted = std::any_of(trusted_proxies.begin(), trusted_proxies.end(), [&](const std::string& proxy) {
        auto canonical_proxy = ip_address(trimmed(proxy));
        return canonical_proxy && canonical_peer && *canonical_proxy == *canonical_peer;
    });
    if (!trusted)
        return peer;
    const std::size_t comma = forwarded_for->rfind(',');
    const std::string last_hop =
        trimmed(comma == std::string::npos ? *forwarded_for : forwarded_for->substr(comma + 1));
    return ip_address(last_hop).value_or(peer);
}

} // namespace numeria::web
