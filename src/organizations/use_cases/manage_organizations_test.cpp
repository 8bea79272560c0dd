#include "organizations/use_cases/manage_organizations.hpp"
#include "tests/support/organizations/in_memory_repositories.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

TEST(ImportEstablishments, IsIdempotent) {
    testing::InMemoryEstablishments establishments;
    FixedClock clock{0};
    Directory directory{{{"0750001A", "Collège Exemple", "Collège", "Public", "75001", "Paris", "a@b.fr"}}, {}};

    auto first = import_establishments(directory, establishments, clock);
    auto second = import_establishments(directory, establishments, clock);

    EXPECT_EQ(first.inserted, 1);
    EXPECT_EQ(second.inserted, 0);
    EXPECT_EQ(second.updated, 1);
}

TEST(CreateOrganization, CreatesASchoolThatManagesItsStudents) {
    testing::InMemoryOrganizations organizations;
    FixedClock clock{0};

    auto id = create_organization({OrganizationType::Sco, "Collège Exemple", "0750001a"}, organizations, clock);

    ASSERT_TRUE(id.has_value());
    EXPECT_EQ(organizations.find(*id)->uai, "0750001A");
    EXPECT_TRUE(organizations.find(*id)->manages_students);
}

TEST(CreateOrganization, RequiresAUaiForSchools) {
    testing::InMemoryOrganizations organizations;
    FixedClock clock{0};

    auto id = create_organization({OrganizationType::Sco, "Collège", ""}, organizations, clock);

    EXPECT_EQ(id.error().reason, "organization.uai_invalid");
}

TEST(CreateOrganization, AllowsHigherEducationWithoutUai) {
    testing::InMemoryOrganizations organizations;
    FixedClock clock{0};

    auto id = create_organization({OrganizationType::Sup, "Université", ""}, organizations, clock);

    ASSERT_TRUE(id.has_value());
    EXPECT_EQ(organizations.find(*id)->uai, std::nullopt);
}

TEST(CreateOrganization, LetsHigherEducationManageItsStudentsByDefault) {
    testing::InMemoryOrganizations organizations;
    FixedClock clock{0};

    auto id = create_organization({OrganizationType::Sup, "Université", ""}, organizations, clock);

    EXPECT_TRUE(organizations.find(*id)->manages_students);
}

TEST(CreateOrganization, CreatesAnOrganisationThatDoesNotManageStudentsWhenAsked) {
    testing::InMemoryOrganizations organizations;
    FixedClock clock{0};

    auto id = create_organization({OrganizationType::Sup, "Université", "", false, false}, organizations, clock);

    EXPECT_FALSE(organizations.find(*id)->manages_students);
}

TEST(CreateOrganization, CreatesAProfessionalOrganisationWithoutStudents) {
    testing::InMemoryOrganizations organizations;
    FixedClock clock{0};

    auto id = create_organization({OrganizationType::Pro, "Entreprise", ""}, organizations, clock);

    EXPECT_FALSE(organizations.find(*id)->manages_students);
}

TEST(CreateOrganization, RefusesATakenUai) {
    testing::InMemoryOrganizations organizations;
    FixedClock clock{0};
    ASSERT_TRUE(create_organization({OrganizationType::Sco, "A", "0750001A"}, organizations, clock));

    auto again = create_organization({OrganizationType::ScoAgri, "B", "0750001A"}, organizations, clock);

    EXPECT_EQ(again.error().reason, "organization.uai_taken");
}

} // namespace
} // namespace numeria::organizations
