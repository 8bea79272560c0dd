#include "content/loading/challenge_reader.hpp"

#include "content/answer_checking/text_treatments.hpp"
#include "content/loading/yaml_checks.hpp"

#include <algorithm>
#include <regex>
#include <set>

namespace numeria::content {

namespace {

// The keys a challenge may have (docs/content-format.md "Challenge fields"), then those of one type.
constexpr std::string_view COMMON_KEYS[] = {"id",      "type",         "statement",  "solution",      "timer",
                                            "focused", "illustration", "attachment", "accessibility", "explanation",
                                            "irt"};

bool type_accepts(ChallengeType type, std::string_view key) {
    const bool choice = type == ChallengeType::Qcu || type == ChallengeType::Qcm;
    const bool multi = type == ChallengeType::QrocmInd || type == ChallengeType::QrocmDep;
    if (key == "proposals")
        return choice;
    if (key == "tolerances")
        return !choice;
    if (key == "input" || key == "format")
        return type == ChallengeType::Qroc;
    if (key == "fields")
        return multi;
    return false;
}

class Reader {
public:
    Reader(const std::string& file, const std::filesystem::path& root, std::vector<LoadError>& errors)
        : m_checks(file, errors)
        , m_root(root) {}

    YamlChecks& checks() { return m_checks; }

    void error(const YAML::Node& node, std::string reason) { m_checks.error(node, std::move(reason)); }

    // Every key known to the format and to this type; the others are refused with their line.
    void check_keys(const Challenge& challenge, const YAML::Node& node) {
        const std::string what = "épreuve « " + challenge.id + " »";
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string key = it->first.as<std::string>("");
            if (std::find(std::begin(COMMON_KEYS), std::end(COMMON_KEYS), key) != std::end(COMMON_KEYS) ||
                type_accepts(challenge.type, key))
                continue;
            if (key == "format" && type_accepts(challenge.type, "fields"))
                error(it->first, what + " : dans un " + type_code(challenge.type) +
                                     ", « format » se donne pour chaque champ de « fields »");
            else if (type_accepts(ChallengeType::Qcu, key) || type_accepts(ChallengeType::Qroc, key) ||
                     type_accepts(ChallengeType::QrocmInd, key))
                error(it->first, what + " : « " + key + " » ne s'applique pas à un " + type_code(challenge.type));
            else
                error(it->first, what + " : clé inconnue « " + key + " »");
        }
        std::set<std::string> seen;
        for (auto it = node.begin(); it != node.end(); ++it)
            if (!seen.insert(it->first.as<std::string>("")).second)
                error(it->first, what + " : clé « " + it->first.as<std::string>("") + " » en double");
    }

    Tolerances tolerances(const YAML::Node& node) {
        Tolerances result;
        const YAML::Node list = node["tolerances"];
        std::vector<YAML::Node> items;
        if (list && list.IsScalar())
            items.push_back(list);
        else
            items = m_checks.sequence(list, "tolerances");
        for (const YAML::Node& item : items) {
            const std::optional<std::string> off =
                m_checks.one_of(item, {"t1", "t2", "t3"}, "", "tolérance désactivée");
            if (off == "t1")
                result.t1 = false;
            else if (off == "t2")
                result.t2 = false;
            else if (off == "t3")
                result.t3 = false;
        }
        return result;
    }

    // The accepted variants at `node` (a string or a list of strings). Rule (item 5 of the content
    // audit): a variant with nothing left after its treatments ("?" with t2 on) would accept any
    // punctuation; a numeric variant must be a number (docs/content-format.md, format nombre).
    FreeSolution variants(const YAML::Node& node, const Tolerances& tolerances, bool numeric, const std::string& what) {
        FreeSolution solution{{}, tolerances, numeric};
        std::vector<YAML::Node> items;
        if (node && node.IsScalar())
            items.push_back(node);
        else
            items = m_checks.sequence(node, what);
        for (const YAML::Node& item : items) {
            if (!item.IsScalar()) {
                error(item, what + " : une variante est un texte");
                continue;
            }
            const std::string variant = item.as<std::string>();
            if (numeric && !parse_number(pre_treat(variant)))
                error(item, what + " : la variante « " + variant + " » n'est pas un nombre (format nombre)");
            else if (!numeric &&
                     (treated_text(variant, tolerances).empty() || treatment_t1(pre_treat(variant)).empty()))
                error(item, what + " : la variante « " + variant + " » est vide une fois les tolérances appliquées");
            solution.variants.push_back(variant);
        }
        if (solution.variants.empty())
            error(node, what + " : au moins une variante acceptée");
        return solution;
    }

    std::optional<Media> media(const YAML::Node& node, const char* key, const char* text_key) {
        const YAML::Node value = node[key];
        if (!value)
            return std::nullopt;
        if (!m_checks.keys(value, {"file", text_key}, key))
            return Media{};
        Media result{value["file"].as<std::string>(""), value[text_key].as<std::string>("")};
        if (result.file.rfind("assets/", 0) != 0 || !std::filesystem::is_regular_file(m_root / result.file))
            error(value, std::string("fichier introuvable pour ") + key + " : « " + result.file + " »");
        if (result.text.empty())
            error(value, std::string(key) + " sans « " + text_key + " »");
        return result;
    }

    void read_fields(Challenge& challenge, const YAML::Node& node) {
        static const std::regex key_pattern(R"(^[a-z0-9_]+$)");
        std::set<std::string> keys;
        for (const YAML::Node& field : m_checks.sequence(node["fields"], "fields")) {
            if (!m_checks.keys(field, {"key", "label", "format"}, "champ"))
                continue;
            Field entry{field["key"].as<std::string>(""), field["label"].as<std::string>(""), false};
            if (!std::regex_match(entry.key, key_pattern))
                error(field, "clé de champ invalide « " + entry.key + " » ([a-z0-9_]+)");
            else if (!keys.insert(entry.key).second)
                error(field, "clé de champ « " + entry.key + " » en double");
            if (entry.label.empty())
                error(field, "champ « " + entry.key + " » sans libellé (label)");
            entry.numeric = m_checks.one_of(field["format"], {"texte", "nombre"}, "texte",
                                            "format du champ « " + entry.key + " »") == "nombre";
            // Fields are interchangeable in a QROCM-dep (any field may match any group), so their
            // format is one for all: every field `nombre`, or none.
            if (challenge.type == ChallengeType::QrocmDep && !challenge.fields.empty() &&
                entry.numeric != challenge.fields.front().numeric)
                error(field, "dans un QROCM-dep, tous les champs ont le même format");
            challenge.fields.push_back(entry);
        }
    }

    void read_solution(Challenge& challenge, const YAML::Node& node) {
        const YAML::Node solution = node["solution"];
        if (!solution) {
            error(node, "épreuve « " + challenge.id + " » sans solution");
            return;
        }
        const int proposals = static_cast<int>(challenge.proposals.size());
        const Tolerances tolerances = this->tolerances(node);
        switch (challenge.type) {
        case ChallengeType::Qcu:
            if (!solution.IsScalar()) {
                error(solution, "un QCU a une seule bonne réponse : un numéro de proposition, pas une liste");
                return;
            }
            challenge.right_proposals.insert(m_checks.integer(solution, "solution").value_or(0));
            break;
        case ChallengeType::Qcm:
            for (const YAML::Node& item : m_checks.sequence(solution, "solution d'un QCM"))
                if (!challenge.right_proposals.insert(m_checks.integer(item, "solution").value_or(0)).second)
                    error(item, "proposition en double dans la solution");
            if (challenge.right_proposals.empty())
                error(solution, "un QCM a au moins une bonne réponse, en liste [1, 3]");
            break;
        case ChallengeType::Qroc: {
            const bool numeric =
                m_checks.one_of(node["format"], {"texte", "nombre"}, "texte", "format") == std::string("nombre");
            challenge.free_solution = variants(solution, tolerances, numeric, "solution");
            break;
        }
        case ChallengeType::QrocmInd:
            if (!solution.IsMap()) {
                error(solution, "un QROCM-ind a une solution par champ : {clé: [variantes]}");
                return;
            }
            for (const Field& field : challenge.fields) {
                if (!solution[field.key]) {
                    error(solution, "pas de solution pour le champ « " + field.key + " »");
                    continue;
                }
                challenge.by_field[field.key] =
                    variants(solution[field.key], tolerances, field.numeric, "solution du champ « " + field.key + " »");
            }
            for (auto it = solution.begin(); it != solution.end(); ++it)
                if (!challenge.by_field.count(it->first.as<std::string>("")))
                    error(it->first, "la solution a une clé « " + it->first.as<std::string>("") + " » sans champ");
            break;
        case ChallengeType::QrocmDep: {
            const bool numeric = !challenge.fields.empty() && challenge.fields.front().numeric;
            for (const YAML::Node& group : m_checks.sequence(solution, "solution d'un QROCM-dep"))
                challenge.groups.push_back(variants(group, tolerances, numeric, "groupe de la solution"));
            if (challenge.groups.size() < challenge.fields.size())
                error(solution, "un QROCM-dep a au moins autant de groupes que de champs");
            break;
        }
        }
        for (int index : challenge.right_proposals)
            if (index < 1 || index > proposals)
                error(solution,
                      "proposition " + std::to_string(index) + " inexistante (1.." + std::to_string(proposals) + ")");
    }

private:
    YamlChecks m_checks;
    std::filesystem::path m_root;
};

} // namespace

Challenge read_challenge(const std::string& file, const YAML::Node& node, const std::filesystem::path& root,
                         std::vector<LoadError>& errors) {
    Reader reader(file, root, errors);
    YamlChecks& checks = reader.checks();
    Challenge challenge;
    challenge.source = file + ":" + std::to_string(line_of(node));
    if (!node.IsMap()) {
        reader.error(node, "une épreuve est un bloc « clé: valeur »");
        return challenge;
    }
    static const std::regex id_pattern(R"(^[A-Za-z0-9._-]+$)");
    challenge.id = node["id"].as<std::string>("");
    if (!std::regex_match(challenge.id, id_pattern)) {
        reader.error(node, "identifiant d'épreuve manquant ou invalide « " + challenge.id + " »");
        challenge.id.clear();
        return challenge;
    }
    auto type = parse_challenge_type(node["type"].as<std::string>(""));
    if (!type) {
        reader.error(node["type"] ? node["type"] : node,
                     "type inconnu pour « " + challenge.id + " » (QCU, QCM, QROC, QROCM-ind, QROCM-dep)");
        challenge.id.clear();
        return challenge;
    }
    challenge.type = *type;
    reader.check_keys(challenge, node);
    challenge.statement = node["statement"].as<std::string>("");
    if (challenge.statement.empty())
        reader.error(node, "épreuve « " + challenge.id + " » sans énoncé");
    for (const YAML::Node& proposal : checks.sequence(node["proposals"], "proposals")) {
        const std::string text = proposal.IsScalar() ? proposal.as<std::string>() : std::string();
        if (text.empty())
            reader.error(proposal, "une proposition est un texte non vide");
        else if (std::find(challenge.proposals.begin(), challenge.proposals.end(), text) != challenge.proposals.end())
            reader.error(proposal, "proposition « " + text + " » en double");
        challenge.proposals.push_back(text);
    }
    const bool choice = challenge.type == ChallengeType::Qcu || challenge.type == ChallengeType::Qcm;
    if (choice && (challenge.proposals.size() < 2 || challenge.proposals.size() > 8))
        reader.error(node, "de 2 à 8 propositions pour « " + challenge.id + " »");
    reader.read_fields(challenge, node);
    const bool multi = challenge.type == ChallengeType::QrocmInd || challenge.type == ChallengeType::QrocmDep;
    if (multi && challenge.fields.empty())
        reader.error(node, "un " + std::string(type_code(challenge.type)) + " a des champs (fields)");
    reader.read_solution(challenge, node);
    if (node["timer"]) {
        challenge.timer_seconds = checks.integer(node["timer"], "timer").value_or(0);
        if (*challenge.timer_seconds <= 0)
            reader.error(node["timer"], "le minuteur est un nombre de secondes positif");
    }
    if (const YAML::Node input = node["input"]; input && checks.keys(input, {"label", "suffix"}, "input")) {
        challenge.input_label = input["label"].as<std::string>("");
        challenge.input_suffix = input["suffix"].as<std::string>("");
    }
    challenge.focused = checks.boolean(node["focused"], false, "focused");
    challenge.illustration = reader.media(node, "illustration", "alt");
    challenge.attachment = reader.media(node, "attachment", "title");
    if (const YAML::Node accessibility = node["accessibility"];
        accessibility && checks.keys(accessibility, {"blind", "color_blind"}, "accessibility")) {
        challenge.blind_ok = checks.boolean(accessibility["blind"], true, "accessibility.blind");
        challenge.color_blind_ok = checks.boolean(accessibility["color_blind"], true, "accessibility.color_blind");
    }
    challenge.explanation = node["explanation"].as<std::string>("");
    if (const YAML::Node irt = node["irt"]; irt && checks.keys(irt, {"a", "b"}, "irt")) {
        const std::optional<double> a = checks.number(irt["a"], "irt.a");
        const std::optional<double> b = checks.number(irt["b"], "irt.b");
        if (!a || !b || *a <= 0)
            reader.error(irt, "irt : a (positif) et b sont tous deux requis");
        challenge.irt_a = a.value_or(1.0);
        challenge.irt_b = b.value_or(0.0);
        challenge.calibrated = true;
    }
    return challenge;
}

} // namespace numeria::content
