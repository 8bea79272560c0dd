#include "web/client_address.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(ClientAddress, IsThePeerWhenNoProxyIsTrusted) {
    EXPECT_EQ(client_address("192.0.2.10", "203.0.113.7", {}), "192.0.2.10");
}

TEST(ClientAddress, IsTheLastForwardedHopBehindATrustedProxy) {
    EXPECT_EQ(client_address("10.0.0.2", "198.51.100.9, 203.0.113.7", {"10.0.0.2"}), "203.0.113.7");
}

TEST(ClientAddress, IgnoresTheHeaderOfAnUntrustedPeer) {
    EXPECT_EQ(client_address("192.0.2.10", "203.0.113.7", {"10.0.0.2"}), "192.0.2.10");
}

TEST(ClientAddress, KeepsThePeerWhenTheLastHopIsNotAnAddress) {
    EXPECT_EQ(client_address("10.0.0.2", "203.0.113.7, evil\r\nX: y", {"10.0.0.2"}), "10.0.0.2");
}

TEST(ClientAddress, AcceptsIpv6) {
    EXPECT_EQ(client_address("::1", "2001:db8::1", {"::1"}), "2001:db8::1");
}

} // namespace
} // namespace numeria::web
