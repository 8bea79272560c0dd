// yaml_checks.hpp: the strict reading shared by every content file (docs/content-format.md): a key
// the format does not know, a key written twice or a value outside its list is an error with its
// file and line, never silently ignored (a misspelt `fromat:` or `timeur:` would otherwise lose
// the author's intent without a word).
#pragma once

#include "content/loading/content_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace numeria::content {

// The 1-based line of a node, 0 when it is absent.
[[nodiscard]] int line_of(const YAML::Node& node);

class YamlChecks {
public:
    YamlChecks(std::string file, std::vector<LoadError>& errors)
        : m_file(std::move(file))
        , m_errors(errors) {}

    const std::string& file() const { return m_file; }

    void error(const YAML::Node& node, std::string reason) const;

    // `node` must be a map whose keys are all in `allowed`, each written once; `what` names the
    // block in the message ("épreuve « 1.1-x-a »", "sujet"…). False when `node` is not a map.
    bool keys(const YAML::Node& node, std::initializer_list<std::string_view> allowed, const std::string& what) const;

    // `node` (when present) must be a sequence; the items, or none.
    [[nodiscard]] std::vector<YAML::Node> sequence(const YAML::Node& node, const std::string& what) const;

    // An optional scalar among `values`; `fallback` when absent, nullopt (and an error) otherwise.
    [[nodiscard]] std::optional<std::string> one_of(const YAML::Node& node,
                                                    std::initializer_list<std::string_view> values,
                                                    const std::string& fallback, const std::string& what) const;

    // An optional boolean written `true` or `false` (not yes/no/oui…); `fallback` when absent.
    [[nodiscard]] bool boolean(const YAML::Node& node, bool fallback, const std::string& what) const;

    // An integer or nothing (with an error when present but not an integer).
    [[nodiscard]] std::optional<int> integer(const YAML::Node& node, const std::string& what) const;

    // A number or nothing (with an error when present but not a number).
    [[nodiscard]] std::optional<double> number(const YAML::Node& node, const std::string& what) const;

private:
    std::string m_file;
    std::vector<LoadError>& m_errors;
};

} // namespace numeria::content
