#include "content/loading/profile_requirements.hpp"

#include <set>

namespace numeria::content {

// Rule: issue 4 item 6: parcours de rentrée 6e, 5e, 4e, 3e, 2nde, 1re, Terminale, CAP; "Protection
// et sécurité 6e"; "Attestation de sensibilisation au numérique 6e"; "SOS certificabilité".
const std::vector<RequiredProfile>& required_profiles() {
    static const std::vector<RequiredProfile> required = {
        {"rentree-6e", "RENTREE"},
        {"rentree-5e", "RENTREE"},
        {"rentree-4e", "RENTREE"},
        {"rentree-3e", "RENTREE"},
        {"rentree-2nde", "RENTREE"},
        {"rentree-1re", "RENTREE"},
        {"rentree-terminale", "RENTREE"},
        {"rentree-cap", "RENTREE"},
        {"protection-securite-6e", "THEMATIQUE"},
        {"attestation-6e", "THEMATIQUE"},
        {"sos-certificabilite", "CERTIFICABILITE"},
    };
    return required;
}

namespace {

int count_category(const Content& content, const std::string& category) {
    int count = 0;
    for (const auto& [id, profile] : content.profiles)
        count += profile.category == category ? 1 : 0;
    return count;
}

// Rule: issue 4 item 6: "SOS certificabilité" reaches level 1 in 5 competences or more: it must hold,
// in at least 5 competences, a tube capped at level 1 or more that has a level-1 skill.
int competences_reachable_at_level_one(const Content& content, const TargetProfile& profile) {
    std::set<std::string> competences;
    for (const auto& [tube_name, cap] : profile.capped_tubes) {
        auto tube = content.tubes.find(tube_name);
        if (tube == content.tubes.end() || cap < 1)
            continue;
        for (const Skill& skill : tube->second.skills)
            if (skill.level == 1)
                competences.insert(tube->second.competence);
    }
    return static_cast<int>(competences.size());
}

} // namespace

std::vector<std::string> unmet_profile_requirements(const Content& content) {
    std::vector<std::string> unmet;
    for (const RequiredProfile& required : required_profiles()) {
        auto found = content.profiles.find(required.id);
        if (found == content.profiles.end())
            unmet.push_back(std::string("parcours « ") + required.id + " » manquant");
        else if (found->second.category != required.category)
            unmet.push_back(std::string("parcours « ") + required.id + " » : catégorie " + required.category +
                            " attendue");
    }
    // Rule: issue 4 item 6: at least 6 thematic (besides the two required 6e ones) and 4 subject parcours.
    if (const int thematic = count_category(content, "THEMATIQUE") - 2; thematic < 6)
        unmet.push_back("au moins 6 parcours thématiques en plus des deux parcours de 6e (" +
                        std::to_string(thematic < 0 ? 0 : thematic) + ")");
    if (const int subject = count_category(content, "DISCIPLINAIRE"); subject < 4)
        unmet.push_back("au moins 4 parcours disciplinaires (" + std::to_string(subject) + ")");
    if (auto sos = content.profiles.find("sos-certificabilite"); sos != content.profiles.end()) {
        if (const int reached = competences_reachable_at_level_one(content, sos->second); reached < 5)
            unmet.push_back("parcours « sos-certificabilite » : le niveau 1 doit être atteignable dans au moins "
                            "5 compétences (" +
                            std::to_string(reached) + ")");
    }
    return unmet;
}

} // namespace numeria::content
