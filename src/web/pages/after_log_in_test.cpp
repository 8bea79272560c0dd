#include "web/pages/after_log_in.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(AfterLogIn, TheSafeReturnAddressWins) {
    EXPECT_EQ(landing_path(std::string("/orga/7/equipe"), 3), "/orga/7/equipe");
}

TEST(AfterLogIn, AMemberLandsOnTheOrgaHomeOfTheFirstOrganisation) {
    EXPECT_EQ(landing_path(std::nullopt, 3), "/orga/3/eleves");
}

TEST(AfterLogIn, APersonOfNoOrganisationLandsOnMonEspace) {
    EXPECT_EQ(landing_path(std::nullopt, std::nullopt), "/mon-espace");
}

TEST(AfterLogIn, ALogInPageOpenedFromOrgaBelongsToOrga) {
    EXPECT_EQ(space_of_return(std::string("/orga/3/eleves?classe=3A")), "orga");
    EXPECT_EQ(space_of_return(std::string("/orga")), "orga");
    EXPECT_EQ(space_of_return(std::string("/certif")), "certif");
    EXPECT_EQ(space_of_return(std::string("/mon-espace")), "mon-espace");
}

TEST(AfterLogIn, ALogInPageWithoutASpaceReturnHighlightsNoSpace) {
    EXPECT_EQ(space_of_return(std::nullopt), "");
    EXPECT_EQ(space_of_return(std::string("/invitation?jeton=abc")), "");
    EXPECT_EQ(space_of_return(std::string("/organisation")), "");
}

} // namespace
} // namespace numeria::web
