#include "web/http.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(PercentDecode, DecodesEscapes) {
    EXPECT_EQ(percent_decode("/%C3%A9l%C3%A8ves", false), "/élèves");
}

TEST(PercentDecode, KeepsPlusInPathsAndTurnsItIntoSpaceInQueries) {
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
}

TEST(PercentDecode, RefusesTruncatedOrInvalidEscapes) {
    EXPECT_FALSE(percent_decode("%", false).has_value());
    EXPECT_FALSE(percent_decode("%4", false).has_value());
    EXPECT_FALSE(percent_decode("%zz", false).has_value());
}

TEST(Request, ReadsQueryParameters) {
    Request request;
    request.query = "classe=6e%20A&tri=nom&vide";

    EXPECT_EQ(request.query_param("classe"), "6e A");
    EXPECT_EQ(request.query_param("vide"), "");
    EXPECT_FALSE(request.query_param("absent").has_value());
}

TEST(Method, RoundTripsItsName) {
    EXPECT_EQ(parse_method(method_name(Method::Patch)), Method::Patch);
    EXPECT_EQ(parse_method("BREW"), Method::Other);
}

TEST(SafeHeaderValue, RefusesLineBreaksAndEveryControlCharacter) {
    EXPECT_TRUE(is_safe_header_value("/orga/3/eleves?classe=6e%20A"));
    EXPECT_FALSE(is_safe_header_value("/\r\nSet-Cookie: x=1"));
    EXPECT_FALSE(is_safe_header_value(std::string("a\0b", 3)));
    EXPECT_FALSE(is_safe_header_value("a\tb"));
    EXPECT_FALSE(is_safe_header_value("a\x7f"));
}

TEST(SafeLocalPath, KeepsAPathOfThisSite) {
    EXPECT_EQ(safe_local_path("/orga/3/eleves?classe=6e%20A"), "/orga/3/eleves?classe=6e%20A");
    EXPECT_EQ(safe_local_path("/"), "/");
}

TEST(SafeLocalPath, RefusesWhatCouldLeaveTheSite) {
    EXPECT_FALSE(safe_local_path("//evil.example").has_value());
    EXPECT_FALSE(safe_local_path("/\\evil.example").has_value());
    EXPECT_FALSE(safe_local_path("/\t/evil.example").has_value());
    EXPECT_FALSE(safe_local_path("/a\\b").has_value());
    EXPECT_FALSE(safe_local_path("https://evil.example").has_value());
    EXPECT_FALSE(safe_local_path("").has_value());
}

TEST(SafeLocalPath, RefusesWhatCouldBreakAHeader) {
    EXPECT_FALSE(safe_local_path("/\r\nSet-Cookie:x=1").has_value());
    EXPECT_FALSE(safe_local_path("/a b").has_value());
    EXPECT_FALSE(safe_local_path("/\xc3\xa9").has_value());
    EXPECT_FALSE(safe_local_path("/" + std::string(3000, 'a')).has_value());
}

} // namespace
} // namespace numeria::web
