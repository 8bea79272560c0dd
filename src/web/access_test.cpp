#include "web/access.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

const Access EVERY_KIND[] = {Access::Anonymous,    Access::Learner,    Access::Member,       Access::OrgAdmin,
                             Access::CentreMember, Access::Supervisor, Access::NationalAdmin};

Viewer pupil() {
    return Viewer{7, "Zoé", "Lefèvre", false, false, {}, "zoe.lefevre@exemple.fr", std::nullopt};
}

TEST(Access, AnonymousCallersReachOnlyAnonymousRoutes) {
    for (Access access : EVERY_KIND)
        EXPECT_EQ(decide_access(access, nullptr, PathRole::None),
                  access == Access::Anonymous ? AccessDecision::Allow : AccessDecision::LogIn)
            << access_name(access);
}

TEST(Access, ASignedInUserOfNoOrganisationReachesOnlyAnonymousAndLearnerRoutes) {
    const Viewer viewer = pupil();
    for (Access access : EVERY_KIND) {
        const bool open = access == Access::Anonymous || access == Access::Learner;
        EXPECT_EQ(decide_access(access, &viewer, PathRole::None),
                  open ? AccessDecision::Allow : AccessDecision::NotFound)
            << access_name(access);
    }
}

TEST(Access, AMemberReachesMemberAndCentreRoutesButNotAdminOnes) {
    const Viewer viewer = pupil();
    EXPECT_EQ(decide_access(Access::Member, &viewer, PathRole::Member), AccessDecision::Allow);
    EXPECT_EQ(decide_access(Access::CentreMember, &viewer, PathRole::Member), AccessDecision::Allow);
    EXPECT_EQ(decide_access(Access::OrgAdmin, &viewer, PathRole::Member), AccessDecision::Forbidden);
}

TEST(Access, AnAdminReachesAdminRoutes) {
    const Viewer viewer = pupil();
    EXPECT_EQ(decide_access(Access::OrgAdmin, &viewer, PathRole::Admin), AccessDecision::Allow);
    EXPECT_EQ(decide_access(Access::Member, &viewer, PathRole::Admin), AccessDecision::Allow);
}

TEST(Access, SupervisorRoutesAreClosedToEveryoneUntilSessionsExist) {
    Viewer admin = pupil();
    admin.national_admin = true;
    for (PathRole role : {PathRole::None, PathRole::Member, PathRole::Admin})
        EXPECT_EQ(decide_access(Access::Supervisor, &admin, role), AccessDecision::NotFound);
}

TEST(Access, TheAdminSpaceIsOnlyForNationalAdministrators) {
    Viewer viewer = pupil();
    EXPECT_EQ(decide_access(Access::NationalAdmin, &viewer, PathRole::Admin), AccessDecision::NotFound);
    viewer.national_admin = true;
    EXPECT_EQ(decide_access(Access::NationalAdmin, &viewer, PathRole::None), AccessDecision::Allow);
}

TEST(Access, OrganisationRoutesNameTheirScopeInThePath) {
    EXPECT_STREQ(scope_parameter(Access::Member), "org_id");
    EXPECT_STREQ(scope_parameter(Access::OrgAdmin), "org_id");
    EXPECT_STREQ(scope_parameter(Access::CentreMember), "centre_id");
    EXPECT_EQ(scope_parameter(Access::Learner), nullptr);
}

} // namespace
} // namespace numeria::web
