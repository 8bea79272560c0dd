#include "content/loading/content_loader.hpp"

#include "content/loading/challenge_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>

namespace numeria::content {

namespace {

namespace fs = std::filesystem;

class Loader {
public:
    explicit Loader(fs::path root)
        : m_root(std::move(root)) {}

    LoadResult run() {
        read_framework();
        for (const fs::path& file : yaml_files("competences"))
            read_competence(file);
        for (const fs::path& file : yaml_files("tutorials"))
            read_tutorials(file);
        for (const fs::path& file : yaml_files("target-profiles"))
            read_profile(file);
        compute_pix_values();
        return LoadResult{std::move(m_content), std::move(m_errors)};
    }

private:
    std::vector<fs::path> yaml_files(const std::string& folder) {
        std::vector<fs::path> files;
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(m_root / folder, error))
            if (entry.path().extension() == ".yaml")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        return files;
    }

    std::string relative(const fs::path& file) const { return file.lexically_relative(m_root).string(); }

    void error(const std::string& file, const YAML::Node& node, std::string reason) {
        m_errors.push_back({file, node.IsDefined() ? node.Mark().line + 1 : 0, std::move(reason)});
    }

    std::optional<YAML::Node> parse(const fs::path& path) {
        try {
            return YAML::LoadFile(path.string());
        } catch (const YAML::Exception& failure) {
            m_errors.push_back({relative(path), failure.mark.line + 1, "YAML invalide : " + failure.msg});
            return std::nullopt;
        }
    }

    std::string text(const std::string& file, const YAML::Node& parent, const char* key, bool required = true) {
        const YAML::Node value = parent[key];
        if (value && value.IsScalar() && !value.as<std::string>().empty())
            return value.as<std::string>();
        if (required)
            error(file, value ? value : parent, std::string("champ « ") + key + " » manquant ou vide");
        return {};
    }

    void read_framework() {
        const fs::path path = m_root / "framework.yaml";
        auto document = parse(path);
        if (!document)
            return;
        const std::string file = relative(path);
        for (const YAML::Node& area_node : (*document)["areas"]) {
            Area area{text(file, area_node, "code"), text(file, area_node, "name"), {}};
            for (const YAML::Node& node : area_node["competences"]) {
                Competence competence{
                    text(file, node, "code"), text(file, node, "name"), text(file, node, "description"), area.code, {}};
                area.competences.push_back(competence.code);
                m_content.competences[competence.code] = competence;
            }
            m_content.areas.push_back(area);
        }
        if (m_content.competences.size() != 16)
            m_errors.push_back(
                {file, 0,
                 "le cadre doit compter 16 compétences, il en a " + std::to_string(m_content.competences.size())});
    }

    void read_competence(const fs::path& path) {
        auto document = parse(path);
        if (!document)
            return;
        const std::string file = relative(path);
        const std::string code = text(file, *document, "competence");
        auto competence = m_content.competences.find(code);
        if (competence == m_content.competences.end()) {
            error(file, (*document)["competence"], "compétence inconnue « " + code + " »");
            return;
        }
        if (path.stem().string() != code)
            error(file, (*document)["competence"], "le fichier doit s'appeler " + code + ".yaml");
        static const std::regex tube_name(R"(^@[A-Za-z][A-Za-z0-9]*[A-Za-z]$)");
        for (const YAML::Node& tube_node : (*document)["tubes"]) {
            Tube tube{text(file, tube_node, "name"),
                      text(file, tube_node, "title"),
                      text(file, tube_node, "description"),
                      code,
                      {}};
            if (!std::regex_match(tube.name, tube_name))
                error(file, tube_node["name"], "nom de sujet invalide « " + tube.name + " » (@ puis lettres)");
            if (m_content.tubes.count(tube.name))
                error(file, tube_node["name"], "sujet « " + tube.name + " » déjà défini");
            std::set<int> levels;
            for (const YAML::Node& skill_node : tube_node["skills"]) {
                Skill skill{text(file, skill_node, "name"), 0, 0, {}};
                if (skill.name.size() != tube.name.size() + 1 || skill.name.rfind(tube.name, 0) != 0 ||
                    skill.name.back() < '1' || skill.name.back() > '8') {
                    error(file, skill_node["name"],
                          "l'acquis « " + skill.name + " » doit être " + tube.name + " suivi d'un niveau de 1 à 8");
                    continue;
                }
                skill.level = skill.name.back() - '0';
                if (!levels.insert(skill.level).second)
                    error(file, skill_node["name"],
                          "niveau " + std::to_string(skill.level) + " en double dans " + tube.name);
                if (!skill_node["challenges"] || skill_node["challenges"].size() == 0)
                    error(file, skill_node, "l'acquis « " + skill.name + " » n'a aucune épreuve");
                for (const YAML::Node& challenge_node : skill_node["challenges"]) {
                    Challenge challenge = read_challenge(file, challenge_node, m_root, m_errors);
                    challenge.skill = skill.name;
                    // Provisional IRT parameters until calibration (docs/content-format.md).
                    if (!challenge.calibrated)
                        challenge.irt_b = (skill.level - 3.5) * 0.8;
                    if (challenge.id.empty())
                        continue;
                    if (m_content.challenges.count(challenge.id)) {
                        error(file, challenge_node["id"], "identifiant d'épreuve « " + challenge.id + " » en double");
                        continue;
                    }
                    skill.challenge_ids.push_back(challenge.id);
                    m_content.challenges[challenge.id] = std::move(challenge);
                }
                tube.skills.push_back(std::move(skill));
            }
            competence->second.tubes.push_back(tube.name);
            m_content.tubes[tube.name] = std::move(tube);
        }
    }

    void read_tutorials(const fs::path& path) {
        auto document = parse(path);
        if (!document)
            return;
        const std::string file = relative(path);
        for (const YAML::Node& node : (*document)["tutorials"]) {
            Tutorial tutorial{text(file, node, "id"),     text(file, node, "tube"),   text(file, node, "title"),
                              text(file, node, "source"), text(file, node, "format"), text(file, node, "duration"),
                              text(file, node, "url")};
            if (!m_content.tubes.count(tutorial.tube))
                error(file, node["tube"], "tutoriel pour un sujet inconnu « " + tutorial.tube + " »");
            if (tutorial.url.rfind("https://", 0) != 0)
                error(file, node["url"], "l'adresse d'un tutoriel doit commencer par https://");
            m_content.tutorials.push_back(std::move(tutorial));
        }
    }

    void read_profile(const fs::path& path) {
        auto document = parse(path);
        if (!document)
            return;
        const std::string file = relative(path);
        static const std::set<std::string> categories = {"RENTREE", "THEMATIQUE", "DISCIPLINAIRE", "CERTIFICABILITE"};
        TargetProfile profile{text(file, *document, "id"),
                              text(file, *document, "name"),
                              text(file, *document, "category"),
                              text(file, *document, "description"),
                              {},
                              {}};
        if (profile.id != path.stem().string())
            error(file, (*document)["id"], "l'identifiant doit être le nom du fichier");
        if (!categories.count(profile.category))
            error(file, (*document)["category"], "catégorie inconnue « " + profile.category + " »");
        for (const YAML::Node& node : (*document)["tubes"]) {
            const std::string tube = text(file, node, "tube");
            const int level = node["level"] ? node["level"].as<int>(0) : 0;
            if (!m_content.tubes.count(tube))
                error(file, node["tube"], "sujet inconnu « " + tube + " » dans le profil");
            if (level < 1 || level > 8)
                error(file, node, "niveau plafond hors de 1..8 pour " + tube);
            profile.capped_tubes.emplace_back(tube, level);
        }
        if (profile.capped_tubes.empty())
            error(file, *document, "un profil cible couvre au moins un sujet");
        for (const YAML::Node& node : (*document)["stages"])
            profile.stages.push_back({node["threshold"].as<int>(-1), text(file, node, "title"),
                                      text(file, node, "message", false), text(file, node, "teacher_message", false)});
        if (profile.stages.empty())
            profile.stages = default_stages();
        if (profile.stages.front().threshold != 0)
            error(file, (*document)["stages"], "le premier palier a un seuil de 0");
        for (std::size_t i = 1; i < profile.stages.size(); ++i)
            if (profile.stages[i].threshold <= profile.stages[i - 1].threshold || profile.stages[i].threshold > 100)
                error(file, (*document)["stages"], "les seuils des paliers croissent de 0 à 100");
        m_content.profiles[profile.id] = std::move(profile);
    }

    // Rule: shared/reference/pix-reference.md §1.7: pix value = 8 ÷ number of skills of the same
    // level in the competence, capped at 4.
    void compute_pix_values() {
        std::map<std::pair<std::string, int>, int> per_level;
        for (const auto& [name, tube] : m_content.tubes)
            for (const Skill& skill : tube.skills)
                ++per_level[{tube.competence, skill.level}];
        for (auto& [name, tube] : m_content.tubes)
            for (Skill& skill : tube.skills)
                skill.pix_value = std::min(4.0, 8.0 / per_level[{tube.competence, skill.level}]);
    }

    fs::path m_root;
    Content m_content;
    std::vector<LoadError> m_errors;
};

} // namespace

LoadResult load_content(const std::filesystem::path& directory) {
    return Loader(directory).run();
}

} // namespace numeria::content
