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

} // namespace
} // namespace numeria::web
