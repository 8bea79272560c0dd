#include "identity/api.hpp"
#include "organizations/use_cases/team.hpp"
#include "tests/support/organizations/in_memory_repositories.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::organizations {
namespace {

constexpr OrganizationId SCHOOL = 1;
constexpr OrganizationId OTHER_SCHOOL = 2;

class TeamTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        m_memberships.put({SCHOOL, 1, Role::Admin}, 0);
    }
    Actor as(identity::UserId user) { return Actor{user, "192.0.2.1"}; }
    Result<InvitationSent> invite(const std::string& email, std::optional<Role> role = std::nullopt) {
        return invite_member(SCHOOL, email, role, as(1), m_invitations, m_audit, m_clock);
    }
    Result<OrganizationId> accept(const std::string& token, identity::UserId user) {
        return accept_invitation(token, as(user), m_invitations, m_memberships, m_audit, m_clock);
    }

    testing::InMemoryMemberships m_memberships;
    testing::InMemoryInvitations m_invitations;
    testing::InMemoryAuditLog m_audit;
    FixedClock m_clock{1'700'000'000'000};
};

TEST_F(TeamTest, InvitationIsPendingForSevenDays) {
    auto sent = invite(" Prof@Exemple.fr ");

    ASSERT_TRUE(sent.has_value());
    EXPECT_EQ(sent->invitation.email, "prof@exemple.fr");
    EXPECT_EQ(sent->invitation.expires_at, m_clock.now() + INVITATION_LIFETIME_MS);
    EXPECT_EQ(m_invitations.list_pending(SCHOOL).size(), 1U);
}

TEST_F(TeamTest, RefusesAnImplausibleEmail) {
    EXPECT_EQ(invite("prof").error().reason, "invitation.email_invalid");
}

TEST_F(TeamTest, InvitingTheSameAddressAgainReusesThePendingInvitationWithANewLink) {
    auto first = invite("prof@exemple.fr");
    auto second = invite("prof@exemple.fr");

    EXPECT_EQ(first->invitation.id, second->invitation.id);
    EXPECT_NE(first->token, second->token);
    EXPECT_EQ(m_invitations.list_pending(SCHOOL).size(), 1U);
    EXPECT_FALSE(accept(first->token, 2).has_value());
}

TEST_F(TeamTest, AcceptingMakesAMemberWithTheInvitedRole) {
    auto sent = invite("prof@exemple.fr", Role::Member);

    ASSERT_EQ(accept(sent->token, 2), SCHOOL);

    EXPECT_EQ(m_memberships.find(SCHOOL, 2)->role, Role::Member);
    EXPECT_TRUE(m_invitations.list_pending(SCHOOL).empty());
}

TEST_F(TeamTest, TheFirstMemberOfAnEmptyOrganisationBecomesAdmin) {
    auto sent = invite_member(OTHER_SCHOOL, "prof@exemple.fr", std::nullopt, as(1), m_invitations, m_audit, m_clock);

    ASSERT_TRUE(accept(sent->token, 2));

    EXPECT_EQ(m_memberships.find(OTHER_SCHOOL, 2)->role, Role::Admin);
}

TEST_F(TeamTest, AnExpiredOrCancelledInvitationCannotBeAccepted) {
    auto expired = invite("a@exemple.fr");
    auto cancelled = invite("b@exemple.fr");
    ASSERT_TRUE(cancel_invitation(SCHOOL, cancelled->invitation.id, as(1), m_invitations, m_audit, m_clock));
    m_clock.advance(INVITATION_LIFETIME_MS);

    EXPECT_EQ(accept(expired->token, 2).error().reason, "invitation.link_invalid");
    EXPECT_EQ(accept(cancelled->token, 3).error().reason, "invitation.link_invalid");
}

TEST_F(TeamTest, AnInvitationOfAnotherOrganisationCannotBeCancelledFromThisOne) {
    auto sent = invite("prof@exemple.fr");

    auto cancelled = cancel_invitation(OTHER_SCHOOL, sent->invitation.id, as(1), m_invitations, m_audit, m_clock);

    EXPECT_EQ(cancelled.error().code, ErrorCode::NotFound);
}

TEST_F(TeamTest, TheLastAdminCanBeNeitherDemotedNorRemoved) {
    EXPECT_EQ(change_role(SCHOOL, 1, Role::Member, as(1), m_memberships, m_audit, m_clock).error().reason,
              "membership.last_admin");
    EXPECT_EQ(remove_member(SCHOOL, 1, as(1), m_memberships, m_audit, m_clock).error().reason, "membership.last_admin");
}

TEST_F(TeamTest, AnAdminCanStepDownOnceThereIsAnotherAdmin) {
    m_memberships.put({SCHOOL, 2, Role::Member}, 0);
    ASSERT_TRUE(change_role(SCHOOL, 2, Role::Admin, as(1), m_memberships, m_audit, m_clock));

    EXPECT_TRUE(change_role(SCHOOL, 1, Role::Member, as(1), m_memberships, m_audit, m_clock));
    EXPECT_EQ(m_memberships.find(SCHOOL, 1)->role, Role::Member);
}

TEST_F(TeamTest, RemovalIsSoftAndKeepsHistory) {
    m_memberships.put({SCHOOL, 2, Role::Member}, 0);

    ASSERT_TRUE(remove_member(SCHOOL, 2, as(1), m_memberships, m_audit, m_clock));

    EXPECT_FALSE(m_memberships.find(SCHOOL, 2).has_value());
    EXPECT_TRUE(m_memberships.has_history(SCHOOL, 2));
}

TEST_F(TeamTest, EveryChangeIsAudited) {
    m_memberships.put({SCHOOL, 2, Role::Member}, 0);
    auto sent = invite("prof@exemple.fr");
    ASSERT_TRUE(accept(sent->token, 3));
    ASSERT_TRUE(change_role(SCHOOL, 2, Role::Admin, as(1), m_memberships, m_audit, m_clock));
    ASSERT_TRUE(remove_member(SCHOOL, 3, as(1), m_memberships, m_audit, m_clock));

    auto events = m_audit.list(SCHOOL, 10);

    ASSERT_EQ(events.size(), 4U);
    EXPECT_EQ(events[0].action, "member.removed");
    EXPECT_EQ(events[1].action, "role.changed");
    EXPECT_EQ(events[1].detail, "MEMBER→ADMIN");
    EXPECT_EQ(events[2].action, "invitation.accepted");
    EXPECT_EQ(events[3].action, "invitation.sent");
    EXPECT_EQ(events[3].ip, "192.0.2.1");
}

TEST_F(TeamTest, TheOperatorAddsANewMemberWithTheRoleAndAnAuditEvent) {
    auto added = put_member(SCHOOL, 2, Role::Member, Actor{}, m_memberships, m_audit, m_clock);

    ASSERT_TRUE(added.has_value());
    EXPECT_TRUE(*added);
    EXPECT_EQ(m_memberships.find(SCHOOL, 2)->role, Role::Member);
    const AuditEvent event = m_audit.list(SCHOOL, 1).front();
    EXPECT_EQ(event.action, "member.added");
    EXPECT_EQ(event.target, "2");
    EXPECT_EQ(event.detail, "MEMBER");
    EXPECT_FALSE(event.actor.has_value());
}

TEST_F(TeamTest, TheOperatorChangesTheRoleOfAnExistingMember) {
    ASSERT_TRUE(put_member(SCHOOL, 2, Role::Member, Actor{}, m_memberships, m_audit, m_clock));

    auto changed = put_member(SCHOOL, 2, Role::Admin, Actor{}, m_memberships, m_audit, m_clock);

    ASSERT_TRUE(changed.has_value());
    EXPECT_FALSE(*changed);
    EXPECT_EQ(m_memberships.find(SCHOOL, 2)->role, Role::Admin);
    EXPECT_EQ(m_audit.list(SCHOOL, 1).front().detail, "MEMBER→ADMIN");
}

TEST_F(TeamTest, TheOperatorCannotDemoteTheLastAdmin) {
    auto refused = put_member(SCHOOL, 1, Role::Member, Actor{}, m_memberships, m_audit, m_clock);

    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().reason, "membership.last_admin");
    EXPECT_EQ(m_memberships.find(SCHOOL, 1)->role, Role::Admin);
}

} // namespace
} // namespace numeria::organizations
