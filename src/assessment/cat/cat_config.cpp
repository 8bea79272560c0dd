#include "assessment/cat/cat_config.hpp"

#include "content/loading/yaml_checks.hpp"

#include <algorithm>
#include <functional>

namespace numeria::assessment::cat {

namespace {

class Reader {
public:
    Reader(const std::string& file, std::vector<content::LoadError>& errors)
        : m_checks(file, errors) {}

    const content::YamlChecks& checks() const { return m_checks; }

    int integer(const YAML::Node& node, const std::string& what, int fallback, int low, int high) const {
        const std::optional<int> value = m_checks.integer(node, what);
        if (!node)
            return fallback;
        if (value && (*value < low || *value > high))
            m_checks.error(node,
                           what + " : entier de " + std::to_string(low) + " à " + std::to_string(high) + " attendu");
        return value.value_or(fallback);
    }

    double number(const YAML::Node& node, const std::string& what, double fallback) const {
        return m_checks.number(node, what).value_or(fallback);
    }

    // A number at least `low` (and at most `high`).
    double number(const YAML::Node& node, const std::string& what, double fallback, double low, double high) const {
        const double value = number(node, what, fallback);
        if (node && (value < low || value > high))
            m_checks.error(node, what + " : nombre de " + format(low) + " à " + format(high) + " attendu");
        return value;
    }

    // False (with an error) when one of `keys` is missing from the map `node`.
    bool present(const YAML::Node& node, std::initializer_list<const char*> keys, const std::string& what) const {
        bool all = true;
        for (const char* key : keys)
            if (!node[key]) {
                m_checks.error(node, what + " : « " + key + " » manque");
                all = false;
            }
        return all;
    }

    std::vector<double> numbers(const YAML::Node& node, const std::string& what, std::vector<double> fallback) const {
        if (!node)
            return fallback;
        std::vector<double> values;
        for (const YAML::Node& item : m_checks.sequence(node, what))
            values.push_back(number(item, what, 0.0));
        return values;
    }

private:
    static std::string format(double value) {
        std::string text = std::to_string(value);
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
        return text;
    }

    content::YamlChecks m_checks;
};

void read_rules(const Reader& read, const YAML::Node& root, SelectionRules& rules) {
    const content::YamlChecks& checks = read.checks();
    rules.length = read.integer(root["length"], "length", 32, 1, 10000);
    rules.quota_balance = checks.boolean(root["quota_balance"], true, "quota_balance");
    rules.one_per_tube = checks.boolean(root["one_per_tube"], true, "one_per_tube");
    rules.exclude_last_competences =
        read.integer(root["exclude_last_competences"], "exclude_last_competences", 0, 0, 64);
    rules.randomesque = read.integer(root["randomesque"], "randomesque", 1, 1, 16);
    rules.max_exposure_rate = read.number(root["max_exposure_rate"], "max_exposure_rate", 0.0, 0.0, 1.0);
    rules.exposure_penalty = read.number(root["exposure_penalty"], "exposure_penalty", 0.0, 0.0, 100.0);
    rules.exposure_penalty_power =
        read.number(root["exposure_penalty_power"], "exposure_penalty_power", 8.0, 1.0, 64.0);
    if (rules.exposure_penalty > 0 && rules.max_exposure_rate == 0)
        checks.error(root["exposure_penalty"], "exposure_penalty : la pénalité se mesure au plafond, "
                                               "max_exposure_rate doit être positif");
}

void read_grid(const Reader& read, const YAML::Node& node, GridConfig& grid) {
    if (!node || !read.checks().keys(node, {"prior_mean", "prior_sd", "min", "max", "points"}, "grid"))
        return;
    grid.prior_mean = read.number(node["prior_mean"], "grid.prior_mean", grid.prior_mean);
    grid.prior_sd = read.number(node["prior_sd"], "grid.prior_sd", grid.prior_sd);
    grid.min = read.number(node["min"], "grid.min", grid.min);
    grid.max = read.number(node["max"], "grid.max", grid.max);
    grid.points = read.integer(node["points"], "grid.points", grid.points, 2, 100000);
    if (const Status status = check_grid(grid); !status)
        read.checks().error(node, "grid : " + status.error().detail);
}

LevelTable read_level_table(const Reader& read, const YAML::Node& node, const std::string& what) {
    LevelTable table;
    for (const YAML::Node& row : read.checks().sequence(node, what)) {
        if (!read.checks().keys(row, {"level", "min", "max"}, what) ||
            !read.present(row, {"level", "min", "max"}, what))
            continue;
        table.push_back({read.integer(row["level"], what + ".level", 0, 0, 7),
                         read.number(row["min"], what + ".min", 0.0), read.number(row["max"], what + ".max", 0.0)});
    }
    if (table.empty())
        read.checks().error(node, what + " : au moins un intervalle attendu");
    return table;
}

void read_scoring(const Reader& read, const YAML::Node& node, ScoringConfig& scoring) {
    const content::YamlChecks& checks = read.checks();
    if (!node ||
        !checks.keys(node, {"bounds", "mesh", "level_starts", "competence_levels", "minimum_answers"}, "scoring"))
        return;
    scoring.bounds = read.numbers(node["bounds"], "scoring.bounds", scoring.bounds);
    if (node["mesh"]) {
        scoring.mesh.clear();
        for (const YAML::Node& step : checks.sequence(node["mesh"], "scoring.mesh"))
            if (checks.keys(step, {"weight", "coefficient"}, "scoring.mesh") &&
                read.present(step, {"weight", "coefficient"}, "scoring.mesh"))
                scoring.mesh.push_back({read.integer(step["weight"], "scoring.mesh.weight", 0, 1, 100000),
                                        read.integer(step["coefficient"], "scoring.mesh.coefficient", 0, 0, 1000)});
    }
    if (node["level_starts"]) {
        const std::vector<double> starts = read.numbers(node["level_starts"], "scoring.level_starts", {});
        if (starts.size() > 7 ||
            std::adjacent_find(starts.begin(), starts.end(), std::greater_equal<>()) != starts.end())
            checks.error(node["level_starts"],
                         "scoring.level_starts : au plus 7 débuts de niveau, strictement croissants");
        for (auto& [code, table] : scoring.levels)
            table = level_table_from_starts(starts);
    }
    if (const YAML::Node levels = node["competence_levels"]) {
        if (!levels.IsMap()) {
            checks.error(levels, "scoring.competence_levels : un bloc « compétence: intervalles » est attendu");
        } else {
            for (auto it = levels.begin(); it != levels.end(); ++it) {
                const std::string code = it->first.as<std::string>("");
                if (scoring.levels.count(code) == 0)
                    checks.error(it->first, "scoring.competence_levels : compétence inconnue « " + code + " »");
                else
                    scoring.levels[code] = read_level_table(read, it->second, "scoring.competence_levels." + code);
            }
        }
    }
    scoring.minimum_answers = read.integer(node["minimum_answers"], "scoring.minimum_answers", 20, 0, 10000);
    if (const Status status = check_scoring(scoring); !status)
        checks.error(node, "scoring : " + status.error().detail);
}

} // namespace

Result<CatConfig> parse_cat_config(const std::string& text, const std::string& file) {
    std::vector<content::LoadError> errors;
    CatConfig config;
    try {
        const YAML::Node root = YAML::Load(text);
        const Reader read(file, errors);
        if (read.checks().keys(root,
                               {"version", "length", "quota_balance", "one_per_tube", "exclude_last_competences",
                                "randomesque", "max_exposure_rate", "exposure_penalty", "exposure_penalty_power",
                                "grid", "scoring"},
                               "configuration")) {
            (void)read.integer(root["version"], "version", 1, 1, 1000000);
            read_rules(read, root, config.rules);
            read_grid(read, root["grid"], config.grid);
            read_scoring(read, root["scoring"], config.scoring);
        }
    } catch (const YAML::Exception& error) {
        errors.push_back({file, error.mark.line + 1, std::string("YAML illisible : ") + error.msg});
    }
    if (errors.empty())
        return config;
    std::string detail;
    for (const content::LoadError& error : errors)
        detail += (detail.empty() ? "" : "\n") + error.file + ":" + std::to_string(error.line) + " : " + error.reason;
    return fail(Error::invalid("cat.config.invalid", detail));
}

} // namespace numeria::assessment::cat
