#include "content/loading/challenge_reader.hpp"

#include <regex>

namespace numeria::content {

namespace {

class Reader {
public:
    Reader(const std::string& file, const std::filesystem::path& root, std::vector<LoadError>& errors)
        : m_file(file)
        , m_root(root)
        , m_errors(errors) {}

    void error(const YAML::Node& node, std::string reason) {
        m_errors.push_back({m_file, node.IsDefined() ? node.Mark().line + 1 : 0, std::move(reason)});
    }

    std::vector<std::string> strings(const YAML::Node& node) {
        std::vector<std::string> values;
        if (node && node.IsScalar())
            values.push_back(node.as<std::string>());
        else if (node && node.IsSequence())
            for (const YAML::Node& item : node)
                values.push_back(item.as<std::string>(""));
        return values;
    }

    Tolerances tolerances(const YAML::Node& node) {
        Tolerances result;
        for (const std::string& off : strings(node["tolerances"])) {
            if (off == "t1")
                result.t1 = false;
            else if (off == "t2")
                result.t2 = false;
            else if (off == "t3")
                result.t3 = false;
            else
                error(node["tolerances"], "tolérance inconnue « " + off + " » (t1, t2 ou t3)");
        }
        return result;
    }

    std::optional<Media> media(const YAML::Node& node, const char* key, const char* text_key) {
        const YAML::Node value = node[key];
        if (!value)
            return std::nullopt;
        Media result{value["file"].as<std::string>(""), value[text_key].as<std::string>("")};
        if (result.file.rfind("assets/", 0) != 0 || !std::filesystem::is_regular_file(m_root / result.file))
            error(value, std::string("fichier introuvable pour ") + key + " : « " + result.file + " »");
        if (result.text.empty())
            error(value, std::string(key) + " sans « " + text_key + " »");
        return result;
    }

    void read_solution(Challenge& challenge, const YAML::Node& node) {
        const YAML::Node solution = node["solution"];
        if (!solution) {
            error(node, "épreuve « " + challenge.id + " » sans solution");
            return;
        }
        const int proposals = static_cast<int>(challenge.proposals.size());
        switch (challenge.type) {
        case ChallengeType::Qcu:
            if (!solution.IsScalar()) {
                error(solution, "un QCU a une seule bonne réponse : un numéro de proposition, pas une liste");
                return;
            }
            challenge.right_proposals.insert(solution.as<int>(0));
            break;
        case ChallengeType::Qcm:
            for (const YAML::Node& item : solution.IsSequence() ? solution : YAML::Node(YAML::NodeType::Sequence))
                challenge.right_proposals.insert(item.as<int>(0));
            if (challenge.right_proposals.empty())
                error(solution, "un QCM a au moins une bonne réponse, en liste [1, 3]");
            break;
        case ChallengeType::Qroc:
            challenge.free_solution =
                FreeSolution{strings(solution), tolerances(node), node["format"].as<std::string>("texte") == "nombre"};
            if (challenge.free_solution.variants.empty())
                error(solution, "un QROC a au moins une variante acceptée");
            break;
        case ChallengeType::QrocmInd:
            for (const Field& field : challenge.fields) {
                if (!solution[field.key])
                    error(solution, "pas de solution pour le champ « " + field.key + " »");
                challenge.by_field[field.key] = FreeSolution{strings(solution[field.key]), tolerances(node), false};
            }
            if (solution.IsMap() && solution.size() != challenge.fields.size())
                error(solution, "les clés de la solution doivent être celles des champs");
            break;
        case ChallengeType::QrocmDep:
            for (const YAML::Node& group : solution)
                challenge.groups.push_back(FreeSolution{strings(group), tolerances(node), false});
            if (challenge.groups.size() < challenge.fields.size())
                error(solution, "un QROCM-dep a au moins autant de groupes que de champs");
            break;
        }
        for (int index : challenge.right_proposals)
            if (index < 1 || index > proposals)
                error(solution,
                      "proposition " + std::to_string(index) + " inexistante (1.." + std::to_string(proposals) + ")");
    }

private:
    std::string m_file;
    std::filesystem::path m_root;
    std::vector<LoadError>& m_errors;
};

} // namespace

Challenge read_challenge(const std::string& file, const YAML::Node& node, const std::filesystem::path& root,
                         std::vector<LoadError>& errors) {
    Reader reader(file, root, errors);
    Challenge challenge;
    challenge.source = file + ":" + std::to_string(node.Mark().line + 1);
    static const std::regex id_pattern(R"(^[A-Za-z0-9._-]+$)");
    challenge.id = node["id"].as<std::string>("");
    if (!std::regex_match(challenge.id, id_pattern)) {
        reader.error(node, "identifiant d'épreuve manquant ou invalide « " + challenge.id + " »");
        challenge.id.clear();
        return challenge;
    }
    auto type = parse_challenge_type(node["type"].as<std::string>(""));
    if (!type) {
        reader.error(node, "type inconnu pour « " + challenge.id + " » (QCU, QCM, QROC, QROCM-ind, QROCM-dep)");
        challenge.id.clear();
        return challenge;
    }
    challenge.type = *type;
    challenge.statement = node["statement"].as<std::string>("");
    if (challenge.statement.empty())
        reader.error(node, "épreuve « " + challenge.id + " » sans énoncé");
    challenge.proposals = reader.strings(node["proposals"]);
    const bool choice = challenge.type == ChallengeType::Qcu || challenge.type == ChallengeType::Qcm;
    if (choice && (challenge.proposals.size() < 2 || challenge.proposals.size() > 8))
        reader.error(node, "de 2 à 8 propositions pour « " + challenge.id + " »");
    for (const YAML::Node& field : node["fields"])
        challenge.fields.push_back({field["key"].as<std::string>(""), field["label"].as<std::string>("")});
    const bool multi = challenge.type == ChallengeType::QrocmInd || challenge.type == ChallengeType::QrocmDep;
    if (multi && challenge.fields.empty())
        reader.error(node, "un " + std::string(type_code(challenge.type)) + " a des champs (fields)");
    reader.read_solution(challenge, node);
    if (node["timer"]) {
        challenge.timer_seconds = node["timer"].as<int>(0);
        if (*challenge.timer_seconds <= 0)
            reader.error(node["timer"], "le minuteur est un nombre de secondes positif");
    }
    if (const YAML::Node input = node["input"]) {
        challenge.input_label = input["label"].as<std::string>("");
        challenge.input_suffix = input["suffix"].as<std::string>("");
    }
    challenge.focused = node["focused"].as<bool>(false);
    challenge.illustration = reader.media(node, "illustration", "alt");
    challenge.attachment = reader.media(node, "attachment", "title");
    if (const YAML::Node accessibility = node["accessibility"]) {
        challenge.blind_ok = accessibility["blind"].as<bool>(true);
        challenge.color_blind_ok = accessibility["color_blind"].as<bool>(true);
    }
    challenge.explanation = node["explanation"].as<std::string>("");
    if (node["irt"]) {
        challenge.irt_a = node["irt"]["a"].as<double>(1.0);
        challenge.irt_b = node["irt"]["b"].as<double>(0.0);
        challenge.calibrated = true;
    }
    return challenge;
}

} // namespace numeria::content
