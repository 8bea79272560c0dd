#include "content/loading/profile_requirements.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace numeria::content {
namespace {

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// Five competences 1.1 … 1.5, each with one tube "@sujetX" of two skills worth 4 pix (levels 1
// and 2); SOS caps each at level 2, so validating its 10 skills gives 8 pix in 5 competences.
Content content_with_every_required_profile() {
    Content content;
    for (const RequiredProfile& required : required_profiles())
        content.profiles[required.id] = TargetProfile{required.id, "Parcours", required.category, "", {}, {}};
    for (int i = 0; i < 6; ++i)
        content.profiles["theme-" + std::to_string(i)] = TargetProfile{"", "", "THEMATIQUE", "", {}, {}};
    for (int i = 0; i < 4; ++i)
        content.profiles["matiere-" + std::to_string(i)] = TargetProfile{"", "", "DISCIPLINAIRE", "", {}, {}};
    TargetProfile& sos = content.profiles["sos-certificabilite"];
    for (int i = 1; i <= 5; ++i) {
        const std::string tube = "@sujet" + std::string(1, static_cast<char>('A' + i));
        content.tubes[tube] =
            Tube{tube, "", "", "1." + std::to_string(i), {Skill{tube + "1", 1, 4, {}}, Skill{tube + "2", 2, 4, {}}}};
        sos.capped_tubes.emplace_back(tube, 2);
    }
    sos.stages = {{0, "En route", "", ""}, {91, "Certifiable", "", ""}};
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

// The audit's case: a tube capped at level 1 holds one level-1 skill, worth 4 pix at most, never
// the 8 pix of level 1.
TEST(ProfileRequirements, RequireSosToReachEightPixNotJustALevelOneSkill) {
    Content content = content_with_every_required_profile();
    content.profiles["sos-certificabilite"].capped_tubes.back().second = 1;

    EXPECT_TRUE(contains(unmet_profile_requirements(content),
                         "parcours « sos-certificabilite » : le niveau 1 (8 pix) doit être atteignable dans au moins "
                         "5 compétences (4)"));
}

TEST(ProfileRequirements, AddUpThePixOfSeveralTubesOfOneCompetence) {
    Content content = content_with_every_required_profile();
    TargetProfile& sos = content.profiles["sos-certificabilite"];
    sos.capped_tubes.back().second = 1;
    content.tubes["@sujetG"] = Tube{"@sujetG", "", "", "1.5", {Skill{"@sujetG1", 1, 4, {}}}};
    sos.capped_tubes.emplace_back("@sujetG", 1);

    EXPECT_EQ(competences_reachable_at_level_one(content, sos), 5);
}

TEST(ProfileRequirements, ApplyToEveryCertificabilityProfile) {
    Content content = content_with_every_required_profile();
    content.profiles["sos-bis"] = TargetProfile{"sos-bis", "Autre", "CERTIFICABILITE", "", {{"@sujetB", 2}}, {}};

    EXPECT_TRUE(contains(unmet_profile_requirements(content),
                         "parcours « sos-bis » : le niveau 1 (8 pix) doit être atteignable dans au moins "
                         "5 compétences (1)"));
}

TEST(ProfileRequirements, CountTheSkillsALearnerMayMissAndStayCertifiable) {
    Content content = content_with_every_required_profile();
    TargetProfile& sos = content.profiles["sos-certificabilite"];
    EXPECT_EQ(failures_tolerated_for_certifiability(content, sos), 0); // any miss loses a competence

    // A sixth competence of 12 pix (6 skills of 2): losing two competences now takes 1 + 1 misses.
    Tube extra{"@sujetH", "", "", "2.1", {}};
    for (int level = 1; level <= 6; ++level)
        extra.skills.push_back(Skill{"@sujetH" + std::to_string(level), level, 2, {}});
    content.tubes["@sujetH"] = extra;
    sos.capped_tubes.emplace_back("@sujetH", 6);
    EXPECT_EQ(failures_tolerated_for_certifiability(content, sos), 1);
}

TEST(ProfileRequirements, RequireTheLastStageOfSosToGuaranteeCertifiability) {
    Content content = content_with_every_required_profile();
    // 10 target skills, no miss tolerated: 9 of 10 is 90 %, so "certifiable" needs 91 % or more.
    content.profiles["sos-certificabilite"].stages.back().threshold = 60;

    EXPECT_TRUE(contains(unmet_profile_requirements(content),
                         "parcours « sos-certificabilite » : le dernier palier (60 %) ne garantit pas le niveau 1 "
                         "dans 5 compétences ; seuil minimal 91 %"));
}

} // namespace
} // namespace numeria::content
