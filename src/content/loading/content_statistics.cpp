#include "content/loading/content_statistics.hpp"

#include "content/loading/profile_requirements.hpp"

#include <set>

namespace numeria::content {

ContentStatistics count_content(const Content& content) {
    ContentStatistics statistics;
    std::set<std::string> tutored;
    for (const Tutorial& tutorial : content.tutorials)
        tutored.insert(tutorial.tube);
    for (const auto& [name, tube] : content.tubes) {
        if (!tutored.count(name))
            ++statistics.tubes_without_tutorial;
        for (const Skill& skill : tube.skills) {
            ++statistics.skills;
            if (skill.challenge_ids.size() >= 2)
                ++statistics.skills_with_alternatives;
            for (const std::string& id : skill.challenge_ids) {
                const Challenge& challenge = content.challenges.at(id);
                ++statistics.challenges;
                ++statistics.by_competence[tube.competence];
                ++statistics.by_competence_and_level[tube.competence][skill.level];
                ++statistics.by_type[type_code(challenge.type)];
                statistics.timed += challenge.timer_seconds ? 1 : 0;
                statistics.with_media += (challenge.illustration || challenge.attachment) ? 1 : 0;
            }
        }
    }
    return statistics;
}

// Rule: docs/rules/content.md "Bank minimums": ≥ 640 challenges, ≥ 40 per competence, ≥ 4 per level
// 1–6 of every competence, ≥ 40 per type, ≥ 30 timed, ≥ 30 with an illustration or attachment, a
// third of the skills with two challenges or more, a tutorial per tube, ≥ 4 tubes per competence.
std::vector<std::string> unmet_minimums(const Content& content, const ContentStatistics& statistics) {
    std::vector<std::string> unmet;
    if (statistics.challenges < 640)
        unmet.push_back("au moins 640 épreuves (il y en a " + std::to_string(statistics.challenges) + ")");
    for (const auto& [code, competence] : content.competences) {
        auto found = statistics.by_competence.find(code);
        const int count = found == statistics.by_competence.end() ? 0 : found->second;
        if (count < 40)
            unmet.push_back("compétence " + code + " : au moins 40 épreuves (" + std::to_string(count) + ")");
        if (competence.tubes.size() < 4)
            unmet.push_back("compétence " + code + " : au moins 4 sujets (" + std::to_string(competence.tubes.size()) +
                            ")");
        for (int level = 1; level <= 6; ++level) {
            int at_level = 0;
            if (auto levels = statistics.by_competence_and_level.find(code);
                levels != statistics.by_competence_and_level.end() && levels->second.count(level))
                at_level = levels->second.at(level);
            if (at_level < 4)
                unmet.push_back("compétence " + code + ", niveau " + std::to_string(level) +
                                " : au moins 4 épreuves (" + std::to_string(at_level) + ")");
        }
    }
    for (const char* type : {"QCU", "QCM", "QROC", "QROCM-ind", "QROCM-dep"}) {
        auto found = statistics.by_type.find(type);
        const int count = found == statistics.by_type.end() ? 0 : found->second;
        if (count < 40)
            unmet.push_back(std::string("type ") + type + " : au moins 40 épreuves (" + std::to_string(count) + ")");
    }
    if (statistics.timed < 30)
        unmet.push_back("au moins 30 épreuves minutées (" + std::to_string(statistics.timed) + ")");
    if (statistics.with_media < 30)
        unmet.push_back("au moins 30 épreuves avec illustration ou pièce jointe (" +
                        std::to_string(statistics.with_media) + ")");
    if (statistics.skills_with_alternatives * 3 < statistics.skills)
        unmet.push_back("au moins un tiers des acquis avec deux épreuves (" +
                        std::to_string(statistics.skills_with_alternatives) + " sur " +
                        std::to_string(statistics.skills) + ")");
    if (statistics.tubes_without_tutorial > 0)
        unmet.push_back(std::to_string(statistics.tubes_without_tutorial) + " sujet(s) sans tutoriel");
    for (std::string& line : unmet_profile_requirements(content))
        unmet.push_back(std::move(line));
    return unmet;
}

} // namespace numeria::content
