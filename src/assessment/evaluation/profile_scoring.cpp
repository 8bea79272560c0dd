#include "assessment/evaluation/profile_scoring.hpp"

#include "core/assert.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace numeria::assessment::evaluation {

namespace {

// Rule: docs/rules/profile.md "Pix and levels": a sum within a millionth below an integer counts as
// that integer, so that six skills of 8/6 pix make a level although their sum is 7.999…
constexpr double TOLERANCE = 1e-6;

int floor_with_tolerance(double value) {
    return static_cast<int>(std::floor(value + TOLERANCE));
}

} // namespace

std::map<std::string, double> real_pix_by_competence(std::span<const ScoredKnowledge> knowledge) {
    std::map<std::string, double> sums;
    for (const ScoredKnowledge& element : knowledge)
        sums[element.competence] += element.earned_pix;
    return sums;
}

// Rule: docs/rules/profile.md "Pix and levels": pix = min(floor(real), max × 8), level =
// min(floor(real / 8), max), pix ahead = pix mod 8.
CompetenceScore score_competence(std::string code, double real_pix, const ProfileSettings& settings) {
    NUMERIA_ASSERT(settings.max_level >= 1, "the maximum level must be at least 1");
    NUMERIA_ASSERT(real_pix >= 0 && std::isfinite(real_pix), "earned pix must be finite and non-negative");
    CompetenceScore score;
    score.code = std::move(code);
    score.real_pix = real_pix;
    int whole = floor_with_tolerance(std::min(real_pix, static_cast<double>(settings.max_level * PIX_PER_LEVEL)));
    score.pix = whole;
    score.level = std::min(whole / PIX_PER_LEVEL, settings.max_level);
    score.pix_ahead = score.pix % PIX_PER_LEVEL;
    score.at_max = score.level == settings.max_level;
    score.pix_to_next = score.at_max ? 0 : PIX_PER_LEVEL - score.pix_ahead;
    return score;
}

// Rule: docs/rules/profile.md "Pix and levels": the total is the sum of the capped pix.
int total_pix(std::span<const CompetenceScore> competences) {
    int total = 0;
    for (const CompetenceScore& competence : competences)
        total += competence.pix;
    return total;
}

// Rule: docs/rules/profile.md "Certificability": 5 competences or more at level 1 or more.
bool is_certifiable(std::span<const CompetenceScore> competences) {
    auto reached = std::count_if(competences.begin(), competences.end(),
                                 [](const CompetenceScore& c) { return c.level >= CERTIFIABLE_LEVEL; });
    return reached >= CERTIFIABLE_COMPETENCES;
}

namespace {

ProfileScore with_totals(std::vector<CompetenceScore> competences) {
    ProfileScore profile;
    profile.total_pix = total_pix(competences);
    profile.certifiable = is_certifiable(competences);
    profile.competences = std::move(competences);
    return profile;
}

} // namespace

ProfileScore score_profile(std::span<const ScoredKnowledge> knowledge, const ProfileSettings& settings) {
    std::vector<CompetenceScore> competences;
    for (const auto& [code, real] : real_pix_by_competence(knowledge))
        competences.push_back(score_competence(code, real, settings));
    return with_totals(std::move(competences));
}

// Rule: docs/rules/profile.md "The framework's competences": every competence of the framework, in
// its order, at level 0 without knowledge; knowledge outside the framework counts for nothing.
ProfileScore score_framework(const content::Content& content, std::span<const ScoredKnowledge> knowledge,
                             const ProfileSettings& settings) {
    const std::map<std::string, double> sums = real_pix_by_competence(knowledge);
    std::vector<CompetenceScore> competences;
    for (const content::Area& area : content.areas) {
        for (const std::string& code : area.competences) {
            auto found = sums.find(code);
            competences.push_back(score_competence(code, found == sums.end() ? 0.0 : found->second, settings));
        }
    }
    return with_totals(std::move(competences));
}

// Rule: docs/rules/profile.md "Mastery": rounded to the nearest percent, halves up; 0 without skills.
int mastery_percent(int validated, int target_skills) {
    if (target_skills <= 0)
        return 0;
    NUMERIA_ASSERT(validated >= 0 && validated <= target_skills,
                   "validated skills must be between 0 and the number of target skills");
    // Integer arithmetic: round(100 × v / n) = floor((200 × v + n) / (2 × n)) for v, n ≥ 0.
    return (200 * validated + target_skills) / (2 * target_skills);
}

int validated_target_skills(std::span<const ScoredKnowledge> knowledge, const std::set<std::string>& target_skills) {
    std::set<std::string> validated;
    for (const ScoredKnowledge& element : knowledge) {
        if (element.validated && target_skills.contains(element.skill))
            validated.insert(element.skill);
    }
    return static_cast<int>(validated.size());
}

// Rule: docs/rules/profile.md "Stages": sort by threshold; no validated skill gives the first stage,
// else the last stage whose threshold is at most the mastery; rank = index + 1.
StageReached reached_stage(std::span<const content::StageDefinition> stages, int mastery, int validated) {
    StageReached result;
    result.total = static_cast<int>(stages.size());
    if (stages.empty())
        return result;
    // Stable, so that stages of equal thresholds keep their order.
    std::vector<std::size_t> order(stages.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return stages[a].threshold < stages[b].threshold; });
    std::size_t index = 0;
    if (validated > 0) {
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (stages[order[i]].threshold <= mastery)
                index = i;
        }
    }
    result.stage = order[index];
    result.reached = static_cast<int>(index) + 1;
    return result;
}

} // namespace numeria::assessment::evaluation
