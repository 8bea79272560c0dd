#include "organizations/use_cases/activate_school.hpp"
#include "tests/support/organizations/in_memory_repositories.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::organizations {
namespace {

class ActivateSchoolTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        (void)m_establishments.upsert(
            {"0750001A", "Collège Exemple", "Collège", "Public", "75001", "Paris", "ce.0750001a@ac-exemple.fr"}, 0);
        (void)m_establishments.upsert({"0750002B", "Lycée sans courriel", "Lycée", "Public", "75002", "Paris", ""}, 0);
    }
    Result<ActivationRequested> request(const std::string& uai) {
        return request_activation({uai, "Anne", "Proviseure"}, m_establishments, m_activations, m_clock);
    }
    Result<ActivationConfirmed> confirm(const std::string& token, identity::UserId user) {
        return confirm_activation(token, user, "192.0.2.1", m_establishments, m_organizations, m_memberships,
                                  m_activations, m_audit, m_clock);
    }

    testing::InMemoryEstablishments m_establishments;
    testing::InMemoryOrganizations m_organizations;
    testing::InMemoryMemberships m_memberships;
    testing::InMemoryActivations m_activations;
    testing::InMemoryAuditLog m_audit;
    FixedClock m_clock{1'700'000'000'000};
};

TEST_F(ActivateSchoolTest, RefusesANameOnTwoLinesAndCreatesNoLink) {
    auto requested = request_activation({"0750001A", "Anne", "Proviseure\nhttps://evil.example"}, m_establishments,
                                        m_activations, m_clock);

    ASSERT_FALSE(requested.has_value());
    EXPECT_EQ(requested.error().reason, "activation.name_not_one_line");
    EXPECT_EQ(m_activations.count_since("0750001A", 0), 0);
}

TEST_F(ActivateSchoolTest, RefusesANameLongerThan100Characters) {
    auto requested =
        request_activation({"0750001A", std::string(101, 'a'), "Proviseure"}, m_establishments, m_activations, m_clock);

    ASSERT_FALSE(requested.has_value());
    EXPECT_EQ(requested.error().reason, "activation.name_too_long");
}

TEST_F(ActivateSchoolTest, SendsTheLinkToTheOfficialEmailOfTheDirectory) {
    auto requested = request("0750001a");

    ASSERT_TRUE(requested.has_value());
    EXPECT_EQ(requested->official_email, "ce.0750001a@ac-exemple.fr");
    EXPECT_EQ(requested->token.size(), 64U);
}

TEST_F(ActivateSchoolTest, RefusesAnUnknownUai) {
    EXPECT_EQ(request("0999999Z").error().reason, "activation.uai_unknown");
}

TEST_F(ActivateSchoolTest, RefusesAMalformedUai) {
    EXPECT_EQ(request("75001").error().reason, "activation.uai_invalid");
}

TEST_F(ActivateSchoolTest, RefusesAnEstablishmentWithoutEmail) {
    EXPECT_EQ(request("0750002B").error().reason, "activation.no_email");
}

TEST_F(ActivateSchoolTest, RefusesTheSixthRequestOfTheDay) {
    for (int i = 0; i < ACTIVATION_REQUESTS_PER_DAY; ++i)
        ASSERT_TRUE(request("0750001A"));

    EXPECT_EQ(request("0750001A").error().reason, "activation.too_many");
}

TEST_F(ActivateSchoolTest, FirstActivationCreatesTheSchoolAndMakesTheUserAdmin) {
    auto confirmed = confirm(request("0750001A")->token, 42);

    ASSERT_TRUE(confirmed.has_value());
    EXPECT_TRUE(confirmed->created);
    auto organization = m_organizations.find(confirmed->organization_id);
    EXPECT_EQ(organization->name, "Collège Exemple");
    EXPECT_EQ(organization->type, OrganizationType::Sco);
    EXPECT_TRUE(organization->manages_students);
    EXPECT_EQ(m_memberships.find(confirmed->organization_id, 42)->role, Role::Admin);
}

TEST_F(ActivateSchoolTest, ANewHeadOfSchoolRecoversTheExistingSpace) {
    auto first = confirm(request("0750001A")->token, 42);

    auto second = confirm(request("0750001A")->token, 43);

    ASSERT_TRUE(second.has_value());
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->organization_id, first->organization_id);
    EXPECT_EQ(m_organizations.size(), 1U);
    EXPECT_EQ(m_memberships.find(first->organization_id, 43)->role, Role::Admin);
}

TEST_F(ActivateSchoolTest, RecordsTheActivationInTheAuditLog) {
    auto confirmed = confirm(request("0750001A")->token, 42);

    auto events = m_audit.list(confirmed->organization_id, 10);
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0].action, "activation");
    EXPECT_EQ(events[0].actor, 42);
    EXPECT_EQ(events[0].ip, "192.0.2.1");
}

TEST_F(ActivateSchoolTest, TheLinkWorksOnce) {
    std::string token = request("0750001A")->token;
    ASSERT_TRUE(confirm(token, 42));

    EXPECT_EQ(confirm(token, 43).error().reason, "activation.link_invalid");
}

TEST_F(ActivateSchoolTest, TheLinkExpiresAfterSevenDays) {
    std::string token = request("0750001A")->token;

    m_clock.advance(ACTIVATION_LIFETIME_MS);

    EXPECT_EQ(confirm(token, 42).error().reason, "activation.link_invalid");
}

} // namespace
} // namespace numeria::organizations
