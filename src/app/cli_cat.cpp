// cli_cat.cpp: `numeria cat estimate|replay|simulate|score|make-bank`
// (docs/rules/certification-engine.md "Command line"): the adaptive certification engine
// (src/assessment/cat/) driven from JSON files, for checks and studies.
// Formats: BANK.json is [{"id","competence","tube","a","b"}] with optional "skill" (text, default the
// id) and "accessible" (true or false, default true) per item, RESP.json is [{"id","correct"}],
// replay reads JSON lines {"theta":θ,"U":[u_1,…,u_length]} and writes {"items","correct","est","sd"}.
// Every malformed input is refused with a message naming the item, answer or line at fault.
#include "app/cat_simulation.hpp"
#include "app/commands.hpp"
#include "app/storage_setup.hpp"
#include "assessment/cat/bank_generator.hpp"
#include "assessment/cat/cat_config.hpp"
#include "assessment/cat/test_runner.hpp"
#include "core/assert.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace numeria::app {

namespace {

namespace cat = assessment::cat;

nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        refuse_to_start("fichier illisible : « " + path + " »");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& error) {
        refuse_to_start("JSON invalide dans « " + path + " » : " + error.what());
    }
}

// A finite JSON number, or nothing.
std::optional<double> finite_number(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number() || !std::isfinite(found->get<double>()))
        return std::nullopt;
    return found->get<double>();
}

// A non-empty JSON string, or nothing.
std::optional<std::string> text(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string() || found->get<std::string>().empty())
        return std::nullopt;
    return found->get<std::string>();
}

cat::Bank read_bank(const std::string& path) {
    const nlohmann::json items = read_json(path);
    if (!items.is_array() || items.empty())
        refuse_to_start("la banque « " + path + " » doit être un tableau JSON d'items non vide");
    cat::Bank bank;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json& item = items[i];
        const std::string where = "banque « " + path + " », item " + std::to_string(i + 1);
        if (!item.is_object())
            refuse_to_start(where + " : un objet {\"id\",\"competence\",\"tube\",\"a\",\"b\"} est attendu");
        const auto id = text(item, "id");
        const auto competence = text(item, "competence");
        const auto tube = text(item, "tube");
        if (!id || !competence || !tube)
            refuse_to_start(where + " : « id », « competence » et « tube » doivent être des textes non vides");
        const auto a = finite_number(item, "a");
        const auto b = finite_number(item, "b");
        if (!a || !b || !(*a > 0))
            refuse_to_start(where + " (« " + *id + " ») : « a » doit être un nombre positif et « b » un nombre");
        // Optional: the item's skill (for exclusions after an incident) and its accessibility.
        std::string skill;
        if (item.contains("skill")) {
            const auto given = text(item, "skill");
            if (!given)
                refuse_to_start(where + " (« " + *id + " ») : « skill » doit être un texte non vide");
            skill = *given;
        }
        const auto accessible = item.find("accessible");
        if (accessible != item.end() && !accessible->is_boolean())
            refuse_to_start(where + " (« " + *id + " ») : « accessible » doit valoir true ou false");
        // Rule: docs/rules/certification-engine.md "Item bank": an item id names one item: a bank that
        // repeats one is refused, never read twice.
        if (bank.find(*id) >= 0)
            refuse_to_start(where + " : l'id « " + *id + " » figure déjà plus haut dans la banque");
        bank.add(*id, *competence, *tube, *a, *b, skill, accessible == item.end() || accessible->get<bool>());
    }
    return bank;
}

// The --prior-* and --grid-* flags; only those given override the base grid.
struct GridOptions {
    cat::GridConfig values;
    std::vector<std::pair<CLI::Option*, double cat::GridConfig::*>> numbers;
    CLI::Option* points = nullptr;

    void add_to(CLI::App& command) {
        numbers.clear();
        numbers.emplace_back(
            command.add_option("--prior-mean", values.prior_mean, "mean of the normal prior (default 0)"),
            &cat::GridConfig::prior_mean);
        numbers.emplace_back(command.add_option("--prior-sd", values.prior_sd, "SD of the prior (default 1)")
                                 ->check(CLI::PositiveNumber),
                             &cat::GridConfig::prior_sd);
        numbers.emplace_back(command.add_option("--grid-min", values.min, "lowest grid point (default -6)"),
                             &cat::GridConfig::min);
        numbers.emplace_back(command.add_option("--grid-max", values.max, "highest grid point (default 6)"),
                             &cat::GridConfig::max);
        points = command.add_option("--grid-points", values.points, "number of grid points (default 241)")
                     ->check(CLI::Range(2, 100000));
    }

    // `base` with the flags given, refused with a message when the estimator could not use it.
    [[nodiscard]] cat::GridConfig resolve(cat::GridConfig base = {}) const {
        for (const auto& [option, field] : numbers)
            if (option->count() > 0)
                base.*field = values.*field;
        if (points->count() > 0)
            base.points = values.points;
        if (const Status status = cat::check_grid(base); !status)
            refuse_to_start("grille ou loi a priori inutilisable : " + status.error().detail);
        return base;
    }
};

// Rule: docs/rules/certification-engine.md "Command line" (replay): the deterministic reference: quota balance, no tube
// rule, no exposure control, maximum information at the current EAP, ties to the lowest bank position.
cat::SelectionRules reference_rules(int length) {
    cat::SelectionRules rules;
    rules.length = length;
    rules.quota_balance = true;
    rules.one_per_tube = false;
    rules.randomesque = 1;
    rules.max_exposure_rate = 0;
    rules.exposure_penalty = 0;
    return rules;
}

cat::CatConfig read_production() {
    const char* home = std::getenv("NUMERIA_HOME");
    const std::filesystem::path file =
        std::filesystem::path(home ? home : NUMERIA_DEFAULT_HOME) / "content/certification/cat-production.yaml";
    std::ifstream in(file);
    if (!in)
        refuse_to_start("configuration de certification illisible « " + file.string() + " »");
    std::stringstream text;
    text << in.rdbuf();
    Result<cat::CatConfig> config = cat::parse_cat_config(text.str(), file.string());
    if (!config) {
        std::string detail = config.error().detail;
        for (std::size_t at = detail.find('\n'); at != std::string::npos; at = detail.find('\n', at))
            detail.replace(at, 1, " ; ");
        refuse_to_start("configuration de certification refusée : " + detail);
    }
    return *config;
}

// Rule: docs/rules/certification-engine.md "Command line": always 17 significant digits (which round-trips every
// double), trailing zeros kept ("%#.17g": 6 prints 6.0000000000000000, not 6), as a valid JSON number.
std::string number(double value) {
    NUMERIA_ASSERT(std::isfinite(value), "a printed estimate is finite");
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%#.17g", value);
    std::string text = buffer;
    if (text.back() == '.') // 17 digits before the point: JSON wants one after it
        text += '0';
    return text;
}

void estimate(const std::string& bank_path, const std::string& responses_path, const GridOptions& options) {
    const cat::GridConfig grid = options.resolve();
    const cat::Bank bank = read_bank(bank_path);
    const nlohmann::json responses = read_json(responses_path);
    if (!responses.is_array())
        refuse_to_start("les réponses doivent être un tableau JSON");
    cat::EapEstimator estimator(grid);
    for (std::size_t i = 0; i < responses.size(); ++i) {
        const nlohmann::json& response = responses[i];
        const std::string where = "réponse " + std::to_string(i + 1);
        if (!response.is_object())
            refuse_to_start(where + " : un objet {\"id\",\"correct\"} est attendu");
        const auto id = text(response, "id");
        if (!id)
            refuse_to_start(where + " : « id » doit être un texte non vide");
        const auto correct = response.find("correct");
        if (correct == response.end() || !correct->is_boolean())
            refuse_to_start(where + " (« " + *id + " ») : « correct » doit valoir true ou false");
        const int position = bank.find(*id);
        if (position < 0)
            refuse_to_start(where + " : réponse à un item absent de la banque : « " + *id + " »");
        const cat::Item& item = bank.items()[static_cast<std::size_t>(position)];
        estimator.update(item.a, item.b, correct->get<bool>());
    }
    std::cout << "{\"eap\":" << number(estimator.eap()) << ",\"sd\":" << number(estimator.sd()) << "}\n";
}

// One replay line: θ and the draws u_1..u_length, refused with its line number when malformed.
std::pair<double, std::vector<double>> read_simulee(const std::string& line, int number, int length) {
    const std::string where = "ligne " + std::to_string(number);
    nlohmann::json simulee;
    try {
        simulee = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
        refuse_to_start(where + " : JSON invalide");
    }
    if (!simulee.is_object())
        refuse_to_start(where + " : un objet {\"theta\",\"U\"} est attendu");
    const auto theta = finite_number(simulee, "theta");
    if (!theta)
        refuse_to_start(where + " : « theta » doit être un nombre");
    const auto draws = simulee.find("U");
    if (draws == simulee.end() || !draws->is_array())
        refuse_to_start(where + " : « U » doit être un tableau de nombres");
    if (static_cast<int>(draws->size()) != length)
        refuse_to_start(where + " : « U » contient " + std::to_string(draws->size()) + " valeur(s) au lieu des " +
                        std::to_string(length) + " de --length");
    std::vector<double> values;
    for (const nlohmann::json& u : *draws) {
        if (!u.is_number())
            refuse_to_start(where + " : « U » doit être un tableau de nombres");
        values.push_back(u.get<double>());
    }
    return {*theta, values};
}

void replay(const std::string& bank_path, const std::string& simulees_path, int length, const GridOptions& options) {
    const cat::GridConfig grid = options.resolve();
    const cat::Bank bank = read_bank(bank_path);
    std::ifstream in(simulees_path);
    if (!in)
        refuse_to_start("fichier illisible : « " + simulees_path + " »");
    const cat::Selector selector(bank, reference_rules(length));
    std::mt19937_64 unused(0);
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        // Plain variables, not a structured binding: clang before 16 cannot capture those (P1091).
        const auto simulee = read_simulee(line, line_number, length);
        const double theta = simulee.first;
        const std::vector<double>& draws = simulee.second;
        // Rule: docs/rules/certification-engine.md "Command line": question t is right iff u_t < P(θ, item).
        const cat::TestRecord record = cat::run_test(selector, grid, unused, [&](int item, int index) {
            const cat::Item& asked = bank.items()[static_cast<std::size_t>(item)];
            return draws[static_cast<std::size_t>(index)] < cat::probability(asked.a, asked.b, theta);
        });
        nlohmann::json items = nlohmann::json::array();
        nlohmann::json correct = nlohmann::json::array();
        for (std::size_t i = 0; i < record.items.size(); ++i) {
            items.push_back(bank.items()[static_cast<std::size_t>(record.items[i])].id);
            correct.push_back(record.correct[i] ? 1 : 0);
        }
        std::cout << "{\"items\":" << items.dump() << ",\"correct\":" << correct.dump()
                  << ",\"est\":" << number(record.eap) << ",\"sd\":" << number(record.sd) << "}\n";
    }
}

void score(double capacity) {
    if (!std::isfinite(capacity))
        refuse_to_start("--capacity doit être un nombre fini");
    const cat::ScoringConfig scoring = read_production().scoring;
    nlohmann::json levels = nlohmann::json::object();
    for (const auto& [code, table] : scoring.levels)
        levels[code] = cat::competence_level(capacity, table);
    std::cout << nlohmann::json{{"capacity", capacity},
                                {"score", cat::certified_score(capacity, scoring)},
                                {"levels", levels}}
                     .dump()
              << "\n";
}

void make_bank(std::uint64_t seed) {
    const cat::Bank bank = cat::generate_bank(seed);
    nlohmann::json items = nlohmann::json::array();
    for (const cat::Item& item : bank.items())
        items.push_back({{"id", item.id},
                         {"competence", bank.competences()[static_cast<std::size_t>(item.competence)]},
                         {"tube", bank.tubes()[static_cast<std::size_t>(item.tube)]},
                         {"a", item.a},
                         {"b", item.b}});
    std::cout << items.dump() << "\n";
}

} // namespace

void add_cat_commands(CLI::App& app) {
    CLI::App* cat_command = app.add_subcommand("cat", "The adaptive certification engine (2PL IRT, EAP).");
    cat_command->require_subcommand(1);

    auto bank = std::make_shared<std::string>();
    auto responses = std::make_shared<std::string>();
    auto simulees = std::make_shared<std::string>();
    auto length = std::make_shared<int>(32);
    auto estimate_grid = std::make_shared<GridOptions>();
    CLI::App* estimate_command = cat_command->add_subcommand("estimate", "EAP and posterior SD of a response pattern.");
    estimate_command->add_option("--items", *bank, "BANK.json")->required();
    estimate_command->add_option("--responses", *responses, "RESP.json")->required();
    estimate_grid->add_to(*estimate_command);
    estimate_command->callback([=] { estimate(*bank, *responses, *estimate_grid); });

    auto replay_grid = std::make_shared<GridOptions>();
    CLI::App* replay_command =
        cat_command->add_subcommand("replay", "Replay simulees with the deterministic reference configuration.");
    replay_command->add_option("--bank", *bank, "BANK.json")->required();
    replay_command->add_option("--simulees", *simulees, "IN.jsonl")->required();
    replay_command->add_option("--length", *length, "questions per test (default 32)")->check(CLI::Range(1, 10000));
    replay_grid->add_to(*replay_command);
    replay_command->callback([=] { replay(*bank, *simulees, *length, *replay_grid); });

    auto settings = std::make_shared<SimulationSettings>();
    auto configuration = std::make_shared<std::string>("production");
    auto simulate_grid = std::make_shared<GridOptions>();
    CLI::App* simulate_command = cat_command->add_subcommand("simulate", "Simulate tests of θ ~ N(0,1) candidates.");
    simulate_command->add_option("--bank", *bank, "BANK.json")->required();
    simulate_command->add_option("--n", settings->simulees, "simulees (default 2000)")->check(CLI::Range(1, 10000000));
    simulate_command->add_option("--seed", settings->seed, "random seed (default 1)");
    simulate_command->add_option("--length", *length, "questions per test (default 32)")->check(CLI::Range(1, 10000));
    simulate_command->add_option("--config", *configuration, "production or reference")
        ->check(CLI::IsMember({"production", "reference"}));
    simulate_grid->add_to(*simulate_command);
    simulate_command->callback([=] {
        // Rule: docs/rules/certification-engine.md "Command line": the reference configuration is the defaults and the
        // flags only; the production one reads its rules and grid from the production file (flags override the grid).
        const bool reference = *configuration == "reference";
        const cat::CatConfig production = reference ? cat::CatConfig{} : read_production();
        cat::SelectionRules rules = reference ? reference_rules(*length) : production.rules;
        rules.length = *length;
        const cat::GridConfig grid = simulate_grid->resolve(reference ? cat::GridConfig{} : production.grid);
        const cat::Bank loaded = read_bank(*bank);
        nlohmann::json result = simulate_tests(loaded, rules, grid, *settings);
        result["config"] = *configuration;
        std::cout << result.dump() << "\n";
    });

    auto capacity = std::make_shared<double>(0.0);
    CLI::App* score_command =
        cat_command->add_subcommand("score", "Certified score and competence levels of a capacity.");
    score_command->add_option("--capacity", *capacity, "the final capacity θ")->required();
    score_command->callback([=] { score(*capacity); });

    auto seed = std::make_shared<std::uint64_t>(1);
    CLI::App* bank_command = cat_command->add_subcommand("make-bank", "Print the generated 960-item benchmark bank.");
    bank_command->add_option("--seed", *seed, "random seed (default 1)");
    bank_command->callback([=] { make_bank(*seed); });
}

} // namespace numeria::app
