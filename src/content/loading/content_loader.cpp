#include "content/loading/content_loader.hpp"

#include "content/loading/challenge_reader.hpp"
#include "content/loading/yaml_checks.hpp"

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
        guarded(m_root / "framework.yaml", [this](const fs::path& file) { read_framework(file); });
        for (const fs::path& file : yaml_files("competences"))
            guarded(file, [this](const fs::path& path) { read_competence(path); });
        for (const fs::path& file : yaml_files("tutorials"))
            guarded(file, [this](const fs::path& path) { read_tutorials(path); });
        for (const fs::path& file : yaml_files("target-profiles"))
            guarded(file, [this](const fs::path& path) { read_profile(path); });
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

    // A value of an unexpected shape that yaml-cpp refuses to convert is one more error of the
    // file, with its line, never a crash of the server at start.
    template <typename Read>
    void guarded(const fs::path& file, Read read) {
        try {
            read(file);
        } catch (const YAML::Exception& failure) {
            m_errors.push_back({relative(file), failure.mark.line + 1, "valeur illisible : " + failure.msg});
        }
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

    void read_framework(const fs::path& path) {
        auto document = parse(path);
        if (!document)
            return;
        const std::string file = relative(path);
        const YamlChecks checks(file, m_errors);
        if (!checks.keys(*document, {"areas"}, "cadre"))
            return;
        for (const YAML::Node& area_node : checks.sequence((*document)["areas"], "areas")) {
            if (!checks.keys(area_node, {"code", "name", "color", "competences"}, "domaine"))
                continue;
            Area area{text(file, area_node, "code"), text(file, area_node, "name"), {}};
            for (const YAML::Node& node : checks.sequence(area_node["competences"], "competences")) {
                if (!checks.keys(node, {"code", "name", "description"}, "compétence"))
                    continue;
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
        const YamlChecks checks(file, m_errors);
        if (!checks.keys(*document, {"competence", "tubes"}, "fichier de compétence"))
            return;
        const std::string code = text(file, *document, "competence");
        auto competence = m_content.competences.find(code);
        if (competence == m_content.competences.end()) {
            error(file, (*document)["competence"], "compétence inconnue « " + code + " »");
            return;
        }
        if (path.stem().string() != code)
            error(file, (*document)["competence"], "le fichier doit s'appeler " + code + ".yaml");
        static const std::regex tube_name(R"(^@[A-Za-z][A-Za-z0-9]*[A-Za-z]$)");
        for (const YAML::Node& tube_node : checks.sequence((*document)["tubes"], "tubes")) {
            if (!checks.keys(tube_node, {"name", "title", "description", "skills"}, "sujet"))
                continue;
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
            for (const YAML::Node& skill_node : checks.sequence(tube_node["skills"], "skills")) {
                if (!checks.keys(skill_node, {"name", "challenges"}, "acquis"))
                    continue;
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
                const std::vector<YAML::Node> challenges = checks.sequence(skill_node["challenges"], "challenges");
                if (challenges.empty())
                    error(file, skill_node, "l'acquis « " + skill.name + " » n'a aucune épreuve");
                for (const YAML::Node& challenge_node : challenges) {
                    Challenge challenge = read_challenge(file, challenge_node, m_root, m_errors);
                    challenge.skill = skill.name;
                    // Provisional IRT parameters until calibration (docs/content-format.md
                    // "Provisional IRT parameters"): a = 1 and b from the level, not calibrated.
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
        const YamlChecks checks(file, m_errors);
        if (!checks.keys(*document, {"competence", "tutorials"}, "fichier de tutoriels"))
            return;
        if (const std::string code = text(file, *document, "competence"); !code.empty()) {
            if (!m_content.competences.count(code))
                error(file, (*document)["competence"], "compétence inconnue « " + code + " »");
            else if (path.stem().string() != code)
                error(file, (*document)["competence"], "le fichier doit s'appeler " + code + ".yaml");
        }
        static const std::regex duration(R"(^[0-9]{2}:[0-5][0-9]:[0-5][0-9]$)");
        for (const YAML::Node& node : checks.sequence((*document)["tutorials"], "tutorials")) {
            if (!checks.keys(node, {"id", "tube", "title", "source", "format", "duration", "url"}, "tutoriel"))
                continue;
            (void)checks.one_of(node["format"], {"vidéo", "page", "pdf", "exercice", "son"}, "", "format du tutoriel");
            if (node["duration"] && !std::regex_match(node["duration"].as<std::string>(""), duration))
                error(file, node["duration"], "durée au format HH:MM:SS attendue");
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
        const YamlChecks checks(file, m_errors);
        if (!checks.keys(*document, {"id", "name", "category", "description", "tubes", "stages"}, "profil cible"))
            return;
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
        for (const YAML::Node& node : checks.sequence((*document)["tubes"], "tubes")) {
            if (!checks.keys(node, {"tube", "level"}, "sujet du profil"))
                continue;
            const std::string tube = text(file, node, "tube");
            const int level = checks.integer(node["level"], "level").value_or(0);
            if (!m_content.tubes.count(tube))
                error(file, node["tube"], "sujet inconnu « " + tube + " » dans le profil");
            if (level < 1 || level > 8)
                error(file, node, "niveau plafond hors de 1..8 pour " + tube);
            profile.capped_tubes.emplace_back(tube, level);
        }
        if (profile.capped_tubes.empty())
            error(file, *document, "un profil cible couvre au moins un sujet");
        for (const YAML::Node& node : checks.sequence((*document)["stages"], "stages")) {
            if (!checks.keys(node, {"threshold", "title", "message", "teacher_message"}, "palier"))
                continue;
            profile.stages.push_back({checks.integer(node["threshold"], "threshold").value_or(-1),
                                      text(file, node, "title"), text(file, node, "message", false),
                                      text(file, node, "teacher_message", false)});
        }
        if (profile.stages.empty())
            profile.stages = default_stages();
        if (profile.stages.front().threshold != 0)
            error(file, (*document)["stages"], "le premier palier a un seuil de 0");
        for (std::size_t i = 1; i < profile.stages.size(); ++i)
            if (profile.stages[i].threshold <= profile.stages[i - 1].threshold || profile.stages[i].threshold > 100)
                error(file, (*document)["stages"], "les seuils des paliers croissent de 0 à 100");
        m_content.profiles[profile.id] = std::move(profile);
    }

    // Rule: docs/rules/content.md "Pix values": pix value = 8 ÷ number of skills of the same
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
