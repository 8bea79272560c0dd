#include "web/router.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

Response ok(const Request&, WebApp&) {
    return Response::text(200, "ok", "text/plain");
}

Router sample_router() {
    Router router;
    router.add({Method::Get, "/", Access::Anonymous, DEFAULT_BODY_LIMIT, ok, ""});
    router.add({Method::Get, "/orga/:org_id/eleves", Access::Member, DEFAULT_BODY_LIMIT, ok, ""});
    router.add({Method::Post, "/orga/:org_id/eleves/import", Access::OrgAdmin, UPLOAD_BODY_LIMIT, ok, ""});
    router.add({Method::Get, "/static/:mount/*path", Access::Anonymous, DEFAULT_BODY_LIMIT, ok, ""});
    return router;
}

TEST(Router, MatchesTheRootOnly) {
    Router router = sample_router();

    EXPECT_EQ(router.match(Method::Get, "/").route->pattern, "/");
    EXPECT_EQ(router.match(Method::Get, "/x").route, nullptr);
}

TEST(Router, ExtractsPathParameters) {
    const Router router = sample_router();
    RouteMatch match = router.match(Method::Get, "/orga/42/eleves");

    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.params.at("org_id"), "42");
    EXPECT_EQ(match.route->access, Access::Member);
}

TEST(Router, RefusesAnEmptyParameter) {
    EXPECT_EQ(sample_router().match(Method::Get, "/orga//eleves").route, nullptr);
}

TEST(Router, WildcardTakesTheRestOfThePath) {
    const Router router = sample_router();
    RouteMatch match = router.match(Method::Get, "/static/dsfr/fonts/Marianne.woff2");

    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.params.at("mount"), "dsfr");
    EXPECT_EQ(match.params.at("path"), "fonts/Marianne.woff2");
}

TEST(Router, ListsAllowedMethodsWhenOnlyTheMethodDiffers) {
    const Router router = sample_router();
    RouteMatch match = router.match(Method::Delete, "/orga/42/eleves");

    EXPECT_EQ(match.route, nullptr);
    ASSERT_EQ(match.allowed.size(), 1U);
    EXPECT_EQ(match.allowed[0], Method::Get);
}

TEST(Router, HeadIsAnsweredByTheGetRoute) {
    EXPECT_NE(sample_router().match(Method::Head, "/").route, nullptr);
}

TEST(Router, KeepsEachRoutesBodyLimit) {
    Router router = sample_router();

    EXPECT_EQ(router.match(Method::Post, "/orga/1/eleves/import").route->body_limit, UPLOAD_BODY_LIMIT);
    EXPECT_EQ(router.match(Method::Get, "/orga/1/eleves").route->body_limit, DEFAULT_BODY_LIMIT);
    EXPECT_EQ(router.largest_body_limit(), UPLOAD_BODY_LIMIT);
}

TEST(Router, DeclaresWhoMayCallEveryRegisteredRoute) {
    Router router = sample_router();

    for (const Route& route : router.routes())
        EXPECT_STRNE(access_name(route.access), "unknown") << route.pattern;
}

} // namespace
} // namespace numeria::web
