#include "content/loading/profile_requirements.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace numeria::content {

// Rule: docs/rules/content.md "Required parcours": parcours de rentrée 6e, 5e, 4e, 3e, 2nde, 1re, Terminale, CAP;
// "Protection et sécurité 6e"; "Attestation de sensibilisation au numérique 6e"; "SOS certificabilité".
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

// The pix a learner earns in each competence by validating every target skill of `profile` (the
// skills of its tubes up to each tube's cap).
std::map<std::string, std::vector<double>> target_pix_by_competence(const Content& content,
                                                                    const TargetProfile& profile) {
    std::map<std::string, std::vector<double>> pix;
    for (const auto& [tube_name, cap] : profile.capped_tubes) {
        auto tube = content.tubes.find(tube_name);
        if (tube == content.tubes.end())
            continue;
        for (const Skill& skill : tube->second.skills)
            if (skill.level <= cap)
                pix[tube->second.competence].push_back(skill.pix_value);
    }
    return pix;
}

double sum(const std::vector<double>& values) {
    double total = 0;
    for (double value : values)
        total += value;
    return total;
}

// Rule: docs/rules/content.md "Levels and certificability": level = floor(pix / 8),
// certifiable with at least 5 competences at level 1 or more. The tolerance absorbs the rounding of
// values such as 5 × 1.6.
constexpr double PIX_FOR_LEVEL_ONE = 8.0;
constexpr double PIX_EPSILON = 1e-9;
constexpr int CERTIFIABLE_COMPETENCES = 5;

bool reaches_level_one(double pix) {
    return pix + PIX_EPSILON >= PIX_FOR_LEVEL_ONE;
}

} // namespace

int competences_reachable_at_level_one(const Content& content, const TargetProfile& profile) {
    int reached = 0;
    for (const auto& [competence, pix] : target_pix_by_competence(content, profile))
        reached += reaches_level_one(sum(pix)) ? 1 : 0;
    return reached;
}

// The most target skills a learner may miss and still reach level 1 in 5 competences, whatever the
// skills missed; -1 when validating them all is not enough. Missing the skills worth most first is
// the quickest way to fall below 8 pix in a competence.
int failures_tolerated_for_certifiability(const Content& content, const TargetProfile& profile) {
    std::vector<int> costs; // per reaching competence: the fewest misses that lose its level 1
    for (auto& [competence, pix] : target_pix_by_competence(content, profile)) {
        if (!reaches_level_one(sum(pix)))
            continue;
        std::sort(pix.begin(), pix.end(), std::greater<>());
        double left = sum(pix);
        int misses = 0;
        for (double value : pix) {
            left -= value;
            ++misses;
            if (!reaches_level_one(left))
                break;
        }
        costs.push_back(misses);
    }
    if (static_cast<int>(costs.size()) < CERTIFIABLE_COMPETENCES)
        return -1;
    std::sort(costs.begin(), costs.end());
    int to_lose = 0;
    for (std::size_t i = 0; i + CERTIFIABLE_COMPETENCES <= costs.size(); ++i)
        to_lose += costs[i];
    return to_lose - 1;
}

namespace {

int target_skill_count(const Content& content, const TargetProfile& profile) {
    int count = 0;
    for (const auto& [competence, pix] : target_pix_by_competence(content, profile))
        count += static_cast<int>(pix.size());
    return count;
}

// Rule: docs/rules/content.md "Mastery and stages": mastery = round(100 × validated / target skills).
int mastery_with_misses(int skills, int misses) {
    return skills == 0 ? 0 : static_cast<int>(std::lround(100.0 * (skills - misses) / skills));
}

void check_certifiability_profile(const Content& content, const TargetProfile& profile,
                                  std::vector<std::string>& unmet) {
    const std::string name = "parcours « " + profile.id + " »";
    const int reached = competences_reachable_at_level_one(content, profile);
    if (reached < CERTIFIABLE_COMPETENCES) {
        unmet.push_back(name + " : le niveau 1 (8 pix) doit être atteignable dans au moins 5 compétences (" +
                        std::to_string(reached) + ")");
        return;
    }
    // The last stage says the learner is certifiable: its threshold must guarantee it, i.e. stay
    // above the mastery of a learner who missed one skill more than tolerated.
    const int tolerated = failures_tolerated_for_certifiability(content, profile);
    const int skills = target_skill_count(content, profile);
    const int needed = tolerated + 1 <= skills ? mastery_with_misses(skills, tolerated + 1) + 1 : 0;
    if (!profile.stages.empty() && profile.stages.back().threshold < needed)
        unmet.push_back(name + " : le dernier palier (" + std::to_string(profile.stages.back().threshold) +
                        " %) ne garantit pas le niveau 1 dans 5 compétences ; seuil minimal " + std::to_string(needed) +
                        " %");
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
    // Rule: docs/rules/content.md "Required parcours": at least 6 thematic (besides the two required 6e ones) and 4
    // subject parcours.
    if (const int thematic = count_category(content, "THEMATIQUE") - 2; thematic < 6)
        unmet.push_back("au moins 6 parcours thématiques en plus des deux parcours de 6e (" +
                        std::to_string(thematic < 0 ? 0 : thematic) + ")");
    if (const int subject = count_category(content, "DISCIPLINAIRE"); subject < 4)
        unmet.push_back("au moins 4 parcours disciplinaires (" + std::to_string(subject) + ")");
    // Rule: docs/rules/content.md "Required parcours": "SOS certificabilité" reaches level 1 in 5 competences or more.
    for (const auto& [id, profile] : content.profiles)
        if (profile.category == "CERTIFICABILITE")
            check_certifiability_profile(content, profile, unmet);
    return unmet;
}

} // namespace numeria::content
