// client_address.hpp: the address of the client behind the connection, for throttling and logs.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace numeria::web {

// Rule: docs/rules/security.md, "Client address": the peer of the TCP connection is the client,
// unless it is one of `trusted_proxies` (a load balancer): then the last hop of X-Forwarded-For
// (the address that proxy saw) is, when it is a valid IP address. Earlier hops are written by the
// client itself and never believed. No trusted proxy by default.
[[nodiscard]] std::string client_address(const std::string& peer, const std::optional<std::string>& forwarded_for,
                                         const std::vector<std::string>& trusted_proxies);

} // namespace numeria::web
