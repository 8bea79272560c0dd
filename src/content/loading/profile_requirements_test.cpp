#include "content/loading/profile_requirements.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace numeria::content {
namespace {

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

Content content_with_every_required_profile() {
    Content content;
    for (const RequiredProfile& required : required_profiles())
        content.profiles[required.id] = TargetProfile{required.id, "Parcours", required.category, "", {}, {}};
    for (int i = 0; i < 6; ++i)
        content.profiles["theme-" + std::to_string(i)] = TargetProfile{"", "", "THEMATIQUE", "", {}, {}};
    for (int i = 0; i < 4; ++i)
        content.profiles["matiere-" + std::to_string(i)] = TargetProfile{"", "", "DISCIPLINAIRE", "", {}, {}};
    for (int i = 1; i <= 5; ++i) {
        const std::string tube = "@sujet" + std::string(1, static_cast<char>('A' + i));
        content.tubes[tube] = Tube{tube, "", "", "1." + std::to_string(i), {Skill{tube + "1", 1, 8, {}}}};
        content.profiles["sos-certificabilite"].capped_tubes.emplace_back(tube, 1);
    }
    return content;
}

TEST(ProfileRequirements, AreMetByACompleteSetOfProfiles) {
    EXPECT_TRUE(unmet_profile_requirements(content_with_every_required_profile()).empty());
}

TEST(ProfileRequirements, ReportAMissingParcoursDeRentree) {
    Content content = content_with_every_required_profile();
    content.profiles.erase("rentree-cap");

    EXPECT_TRUE(contains(unmet_profile_requirements(content), "parcours « rentree-cap » manquant"));
}

TEST(ProfileRequirements, ReportARequiredProfileOfTheWrongCategory) {
    Content content = content_with_every_required_profile();
    content.profiles["rentree-3e"].category = "THEMATIQUE";

    EXPECT_TRUE(contains(unmet_profile_requirements(content), "parcours « rentree-3e » : catégorie RENTREE attendue"));
}

TEST(ProfileRequirements, CountSubjectParcours) {
    Content content = content_with_every_required_profile();
    content.profiles.erase("matiere-0");

    EXPECT_TRUE(contains(unmet_profile_requirements(content), "au moins 4 parcours disciplinaires (3)"));
}

TEST(ProfileRequirements, RequireSosToReachLevelOneInFiveCompetences) {
    Content content = content_with_every_required_profile();
    content.tubes["@sujetF"].skills.front().level = 2;

    EXPECT_TRUE(contains(unmet_profile_requirements(content),
                         "parcours « sos-certificabilite » : le niveau 1 doit être atteignable dans au moins "
                         "5 compétences (4)"));
}

} // namespace
} // namespace numeria::content
