#include "identity/api.hpp"
#include "organizations/use_cases/invitation_details.hpp"
#include "organizations/use_cases/team.hpp"
#include "tests/support/organizations/in_memory_repositories.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::organizations {
namespace {

constexpr OrganizationId SCHOOL = 1;

class InvitationDetailsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        m_memberships.put({SCHOOL, 1, Role::Admin}, 0);
        m_memberships.put({SCHOOL, 2, Role::Admin}, 0);
    }
    std::string invite(identity::UserId by, const std::string& email, std::optional<Role> role) {
        return invite_member(SCHOOL, email, role, Actor{by, "192.0.2.1"}, m_invitations, m_audit, m_clock)->token;
    }
    Result<InvitationDetails> read(const std::string& token) {
        return read_invitation(token, m_invitations, m_memberships, m_audit, m_clock);
    }

    testing::InMemoryMemberships m_memberships;
    testing::InMemoryInvitations m_invitations;
    testing::InMemoryAuditLog m_audit;
    FixedClock m_clock{1'700'000'000'000};
};

TEST_F(InvitationDetailsTest, NamesTheOrganisationTheRoleAndTheInviter) {
    auto details = read(invite(2, "prof@exemple.fr", Role::Member));

    ASSERT_TRUE(details.has_value());
    EXPECT_EQ(details->organization_id, SCHOOL);
    EXPECT_EQ(details->role, Role::Member);
    EXPECT_EQ(details->inviter, 2);
}

TEST_F(InvitationDetailsTest, TheInviterIsWhoLastSentTheInvitation) {
    invite(1, "prof@exemple.fr", Role::Admin);
    auto details = read(invite(2, "prof@exemple.fr", Role::Admin));

    ASSERT_TRUE(details.has_value());
    EXPECT_EQ(details->inviter, 2);
    EXPECT_EQ(details->role, Role::Admin);
}

TEST_F(InvitationDetailsTest, WithoutAGivenRoleItIsTheRoleOnAcceptance) {
    EXPECT_EQ(read(invite(1, "prof@exemple.fr", std::nullopt))->role, Role::Member);
}

TEST_F(InvitationDetailsTest, RefusesAnUnknownOrExpiredLink) {
    const std::string token = invite(1, "prof@exemple.fr", Role::Member);
    m_clock.advance(INVITATION_LIFETIME_MS);

    EXPECT_EQ(read(token).error().reason, "invitation.link_invalid");
    EXPECT_EQ(read("inconnu").error().reason, "invitation.link_invalid");
}

} // namespace
} // namespace numeria::organizations
