#include "content/loading/yaml_checks.hpp"

#include <algorithm>
#include <regex>
#include <set>

namespace numeria::content {

namespace {

std::string list(std::initializer_list<std::string_view> values) {
    std::string text;
    for (std::string_view value : values)
        text += (text.empty() ? "" : ", ") + std::string(value);
    return text;
}

} // namespace

int line_of(const YAML::Node& node) {
    return node.IsDefined() ? node.Mark().line + 1 : 0;
}

void YamlChecks::error(const YAML::Node& node, std::string reason) const {
    m_errors.push_back({m_file, line_of(node), std::move(reason)});
}

bool YamlChecks::keys(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                      const std::string& what) const {
    if (!node.IsMap()) {
        error(node, what + " : un bloc « clé: valeur » est attendu");
        return false;
    }
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.as<std::string>("");
        if (!seen.insert(key).second)
            error(it->first, what + " : clé « " + key + " » en double");
        else if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            error(it->first, what + " : clé inconnue « " + key + " » (clés possibles : " + list(allowed) + ")");
    }
    return true;
}

std::vector<YAML::Node> YamlChecks::sequence(const YAML::Node& node, const std::string& what) const {
    std::vector<YAML::Node> items;
    if (!node || node.IsNull())
        return items;
    if (!node.IsSequence()) {
        error(node, what + " : une liste est attendue");
        return items;
    }
    for (const YAML::Node& item : node)
        items.push_back(item);
    return items;
}

std::optional<std::string> YamlChecks::one_of(const YAML::Node& node, std::initializer_list<std::string_view> values,
                                              const std::string& fallback, const std::string& what) const {
    if (!node)
        return fallback;
    const std::string value = node.IsScalar() ? node.as<std::string>() : std::string();
    if (std::find(values.begin(), values.end(), value) == values.end()) {
        error(node, what + " : valeur inconnue « " + value + " » (" + list(values) + ")");
        return std::nullopt;
    }
    return value;
}

bool YamlChecks::boolean(const YAML::Node& node, bool fallback, const std::string& what) const {
    if (!node)
        return fallback;
    const std::string value = node.IsScalar() ? node.as<std::string>() : std::string();
    if (value == "true" || value == "false")
        return value == "true";
    error(node, what + " : true ou false attendu, pas « " + value + " »");
    return fallback;
}

std::optional<int> YamlChecks::integer(const YAML::Node& node, const std::string& what) const {
    if (!node)
        return std::nullopt;
    static const std::regex pattern(R"(^[+-]?[0-9]{1,9}$)");
    const std::string value = node.IsScalar() ? node.as<std::string>() : std::string();
    if (!std::regex_match(value, pattern)) {
        error(node, what + " : nombre entier attendu, pas « " + value + " »");
        return std::nullopt;
    }
    return std::stoi(value);
}

std::optional<double> YamlChecks::number(const YAML::Node& node, const std::string& what) const {
    if (!node)
        return std::nullopt;
    static const std::regex pattern(R"(^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$)");
    const std::string value = node.IsScalar() ? node.as<std::string>() : std::string();
    if (!std::regex_match(value, pattern)) {
        error(node, what + " : nombre attendu, pas « " + value + " »");
        return std::nullopt;
    }
    return std::stod(value);
}

} // namespace numeria::content
