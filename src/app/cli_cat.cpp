// cli_cat.cpp: `numeria cat estimate|replay|simulate|score|make-bank` (issue 6 item 2): the adaptive
// certification engine (src/assessment/cat/) driven from JSON files, for checks and studies.
// Formats: BANK.json is [{"id","competence","tube","a","b"}], RESP.json is [{"id","correct"}],
// replay reads JSON lines {"theta":θ,"U":[u_1,…]} and writes {"items","correct","est","sd"}.
#include "app/cat_simulation.hpp"
#include "app/commands.hpp"
#include "app/storage_setup.hpp"
#include "assessment/cat/bank_generator.hpp"
#include "assessment/cat/scoring.hpp"
#include "assessment/cat/test_runner.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

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

cat::Bank read_bank(const std::string& path) {
    const nlohmann::json items = read_json(path);
    if (!items.is_array() || items.empty())
        refuse_to_start("la banque « " + path + " » doit être un tableau JSON d'items non vide");
    cat::Bank bank;
    try {
        for (const nlohmann::json& item : items) {
            const double a = item.at("a").get<double>();
            if (!(a > 0))
                refuse_to_start("item « " + item.at("id").get<std::string>() + " » : a doit être positif");
            bank.add(item.at("id").get<std::string>(), item.at("competence").get<std::string>(),
                     item.at("tube").get<std::string>(), a, item.at("b").get<double>());
        }
    } catch (const nlohmann::json::exception& error) {
        refuse_to_start("item invalide dans « " + path + " » (id, competence, tube, a, b attendus) : " + error.what());
    }
    return bank;
}

struct GridOptions {
    cat::GridConfig grid;
    void add_to(CLI::App& command) {
        command.add_option("--prior-mean", grid.prior_mean, "mean of the normal prior (default 0)");
        command.add_option("--prior-sd", grid.prior_sd, "standard deviation of the prior (default 1)")
            ->check(CLI::PositiveNumber);
        command.add_option("--grid-min", grid.min, "lowest grid point (default -6)");
        command.add_option("--grid-max", grid.max, "highest grid point (default 6)");
        command.add_option("--grid-points", grid.points, "number of grid points (default 241)")
            ->check(CLI::Range(2, 100000));
    }
    void check() const {
        if (!(grid.max > grid.min))
            refuse_to_start("--grid-max doit être supérieur à --grid-min");
    }
};

// Rule: issue 6 item 2 (replay): the deterministic reference: quota balance, no tube rule, no exposure
// control, maximum information at the current EAP, ties to the lowest bank position.
cat::SelectionRules reference_rules(int length) {
    cat::SelectionRules rules;
    rules.length = length;
    rules.quota_balance = true;
    rules.one_per_tube = false;
    rules.randomesque = 1;
    rules.max_exposure_rate = 0;
    return rules;
}

struct ProductionConfig {
    cat::SelectionRules rules;
    cat::GridConfig grid;
    cat::ScoringConfig scoring = cat::default_scoring();
};

ProductionConfig read_production(const std::filesystem::path& file) {
    ProductionConfig config;
    try {
        const YAML::Node root = YAML::LoadFile(file.string());
        config.rules.length = root["length"].as<int>(32);
        config.rules.quota_balance = root["quota_balance"].as<bool>(true);
        config.rules.one_per_tube = root["one_per_tube"].as<bool>(true);
        config.rules.exclude_last_competences = root["exclude_last_competences"].as<int>(0);
        config.rules.randomesque = root["randomesque"].as<int>(1);
        config.rules.max_exposure_rate = root["max_exposure_rate"].as<double>(0);
        if (const YAML::Node grid = root["grid"]) {
            config.grid.prior_mean = grid["prior_mean"].as<double>(0);
            config.grid.prior_sd = grid["prior_sd"].as<double>(1);
            config.grid.min = grid["min"].as<double>(-6);
            config.grid.max = grid["max"].as<double>(6);
            config.grid.points = grid["points"].as<int>(241);
        }
        if (const YAML::Node scoring = root["scoring"]) {
            config.scoring.bounds = scoring["bounds"].as<std::vector<double>>(config.scoring.bounds);
            const auto starts = scoring["level_starts"].as<std::vector<double>>(std::vector<double>{});
            if (!starts.empty())
                for (auto& [code, levels] : config.scoring.level_starts)
                    levels = starts;
            config.scoring.minimum_answers = scoring["minimum_answers"].as<int>(20);
        }
    } catch (const YAML::Exception& error) {
        refuse_to_start("configuration de certification illisible « " + file.string() + " » : " + error.what());
    }
    if (config.rules.randomesque < 1 || config.rules.randomesque > 16)
        refuse_to_start("randomesque doit être entre 1 et 16");
    return config;
}

std::filesystem::path production_file() {
    const char* home = std::getenv("NUMERIA_HOME");
    return std::filesystem::path(home ? home : NUMERIA_DEFAULT_HOME) / "content/certification/cat-production.yaml";
}

void estimate(const std::string& bank_path, const std::string& responses_path, const GridOptions& options) {
    options.check();
    const cat::Bank bank = read_bank(bank_path);
    const nlohmann::json responses = read_json(responses_path);
    if (!responses.is_array())
        refuse_to_start("les réponses doivent être un tableau JSON");
    cat::EapEstimator estimator(options.grid);
    for (const nlohmann::json& response : responses) {
        const std::string id = response.value("id", "");
        const int position = bank.find(id);
        if (position < 0)
            refuse_to_start("réponse à un item absent de la banque : « " + id + " »");
        const cat::Item& item = bank.items()[static_cast<std::size_t>(position)];
        estimator.update(item.a, item.b, response.value("correct", false));
    }
    std::cout << nlohmann::json{{"eap", estimator.eap()}, {"sd", estimator.sd()}}.dump() << "\n";
}

void replay(const std::string& bank_path, const std::string& simulees_path, int length, const GridOptions& options) {
    options.check();
    const cat::Bank bank = read_bank(bank_path);
    std::ifstream in(simulees_path);
    if (!in)
        refuse_to_start("fichier illisible : « " + simulees_path + " »");
    const cat::Selector selector(bank, reference_rules(length));
    std::mt19937_64 unused(0);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        nlohmann::json simulee;
        try {
            simulee = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception&) {
            refuse_to_start("ligne " + std::to_string(number) + " : JSON invalide");
        }
        const double theta = simulee.at("theta").get<double>();
        const std::vector<double> draws = simulee.at("U").get<std::vector<double>>();
        // Rule: issue 6 item 2: question t is right iff u_t < P(θ, item).
        const cat::TestRecord record = cat::run_test(selector, options.grid, unused, [&](int item, int index) {
            const cat::Item& asked = bank.items()[static_cast<std::size_t>(item)];
            const double u = index < static_cast<int>(draws.size()) ? draws[static_cast<std::size_t>(index)] : 1.0;
            return u < cat::probability(asked.a, asked.b, theta);
        });
        nlohmann::json items = nlohmann::json::array();
        nlohmann::json correct = nlohmann::json::array();
        for (std::size_t i = 0; i < record.items.size(); ++i) {
            items.push_back(bank.items()[static_cast<std::size_t>(record.items[i])].id);
            correct.push_back(record.correct[i] ? 1 : 0);
        }
        std::cout
            << nlohmann::json{{"items", items}, {"correct", correct}, {"est", record.eap}, {"sd", record.sd}}.dump()
            << "\n";
    }
}

void score(double capacity) {
    const cat::ScoringConfig scoring = read_production(production_file()).scoring;
    nlohmann::json levels = nlohmann::json::object();
    for (const auto& [code, starts] : scoring.level_starts)
        levels[code] = cat::competence_level(capacity, starts);
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
    auto grid = std::make_shared<GridOptions>();
    auto length = std::make_shared<int>(32);
    CLI::App* estimate_command = cat_command->add_subcommand("estimate", "EAP and posterior SD of a response pattern.");
    estimate_command->add_option("--items", *bank, "BANK.json")->required();
    estimate_command->add_option("--responses", *responses, "RESP.json")->required();
    grid->add_to(*estimate_command);
    estimate_command->callback([=] { estimate(*bank, *responses, *grid); });

    CLI::App* replay_command =
        cat_command->add_subcommand("replay", "Replay simulees with the deterministic reference configuration.");
    replay_command->add_option("--bank", *bank, "BANK.json")->required();
    replay_command->add_option("--simulees", *simulees, "IN.jsonl")->required();
    replay_command->add_option("--length", *length, "questions per test (default 32)")->check(CLI::Range(1, 10000));
    grid->add_to(*replay_command);
    replay_command->callback([=] { replay(*bank, *simulees, *length, *grid); });

    auto settings = std::make_shared<SimulationSettings>();
    auto configuration = std::make_shared<std::string>("production");
    CLI::App* simulate_command = cat_command->add_subcommand("simulate", "Simulate tests of θ ~ N(0,1) candidates.");
    simulate_command->add_option("--bank", *bank, "BANK.json")->required();
    simulate_command->add_option("--n", settings->simulees, "simulees (default 2000)")->check(CLI::Range(1, 10000000));
    simulate_command->add_option("--seed", settings->seed, "random seed (default 1)");
    simulate_command->add_option("--length", *length, "questions per test (default 32)")->check(CLI::Range(1, 10000));
    simulate_command->add_option("--config", *configuration, "production or reference")
        ->check(CLI::IsMember({"production", "reference"}));
    simulate_command->callback([=] {
        const cat::Bank loaded = read_bank(*bank);
        ProductionConfig production = read_production(production_file());
        cat::SelectionRules rules = *configuration == "reference" ? reference_rules(*length) : production.rules;
        rules.length = *length;
        nlohmann::json result = simulate_tests(loaded, rules, production.grid, *settings);
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
