#include "assessment/cat/bank_generator.hpp"
#include "assessment/cat/cat_config.hpp"
#include "assessment/cat/test_runner.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace numeria::assessment::cat {
namespace {

std::string production_text() {
    std::ifstream in(std::string(NUMERIA_SOURCE_DIR) + "/content/certification/cat-production.yaml");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

CatConfig production() {
    Result<CatConfig> config = parse_cat_config(production_text(), "cat-production.yaml");
    EXPECT_TRUE(config.has_value()) << (config ? "" : config.error().detail);
    return config ? *config : CatConfig{};
}

// The detail of a refused configuration, or "" when it is accepted.
std::string refusal(const std::string& text) {
    const Result<CatConfig> config = parse_cat_config(text, "essai.yaml");
    return config ? "" : config.error().detail;
}

TEST(CatConfig, ReadsTheProductionRules) {
    const CatConfig config = production();

    EXPECT_EQ(config.rules.length, 32);
    EXPECT_TRUE(config.rules.quota_balance);
    EXPECT_TRUE(config.rules.one_per_tube);
    EXPECT_EQ(config.rules.randomesque, 1);
    EXPECT_DOUBLE_EQ(config.rules.max_exposure_rate, 0.25);
    EXPECT_DOUBLE_EQ(config.rules.exposure_penalty, 0.8);
    EXPECT_DOUBLE_EQ(config.rules.exposure_penalty_power, 32.0);
    EXPECT_EQ(config.grid.points, 241);
    EXPECT_EQ(config.scoring.levels.size(), 16U);
    EXPECT_EQ(config.scoring.mesh.size(), 8U);
    EXPECT_EQ(certified_score(1.0, config.scoring), 312);
}

// Rule: docs/rules/certification-engine.md "Test length": 32 questions, 2 per competence, one per tube, under the
// production rules, for candidates sharing the exposure counts (so the cap and the penalty are at work).
TEST(CatConfig, GivesExactlyTwoQuestionsPerCompetenceAndOnePerTubeUnderTheProductionRules) {
    const CatConfig config = production();
    const Bank bank = generate_bank(3);
    const Selector selector(bank, config.rules);
    ExposureCounts exposure{std::vector<std::uint32_t>(960, 0), 0};
    std::mt19937_64 random(5);
    std::normal_distribution<double> population(0.0, 1.0);
    for (int candidate = 0; candidate < 300; ++candidate) {
        const double theta = population(random);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        const TestRecord record = run_test(
            selector, config.grid, random,
            [&](int item, int) {
                const Item& asked = bank.items()[static_cast<std::size_t>(item)];
                return uniform(random) < probability(asked.a, asked.b, theta);
            },
            &exposure);
        std::map<int, int> per_competence;
        std::set<int> tubes;
        for (int item : record.items) {
            ++per_competence[bank.items()[static_cast<std::size_t>(item)].competence];
            tubes.insert(bank.items()[static_cast<std::size_t>(item)].tube);
            ++exposure.shown[static_cast<std::size_t>(item)];
        }
        ++exposure.tests;
        ASSERT_EQ(record.items.size(), 32U) << "candidate " << candidate;
        ASSERT_EQ(per_competence.size(), 16U) << "candidate " << candidate;
        for (const auto& [competence, count] : per_competence)
            ASSERT_EQ(count, 2) << "candidate " << candidate;
        ASSERT_EQ(tubes.size(), 32U) << "candidate " << candidate;
    }
}

TEST(CatConfig, ReadsAPerCompetenceLevelTable) {
    const Result<CatConfig> config = parse_cat_config(R"(
scoring:
  competence_levels:
    "1.2":
      - {level: 0, min: -5.34, max: -1.8162}
      - {level: 3, min: -1.8162, max: 2.8168}
      - {level: 4, min: 2.8168, max: 2.1678}
      - {level: 5, min: 2.1678, max: 7.3741}
)",
                                                      "essai.yaml");

    ASSERT_TRUE(config.has_value()) << config.error().detail;
    const LevelTable& table = config->scoring.levels.at("1.2");
    EXPECT_EQ(competence_level(-1.8163, table), 0);
    EXPECT_EQ(competence_level(-1.8162, table), 3);
    EXPECT_EQ(competence_level(2.8168, table), 5);
    EXPECT_EQ(competence_level(100.0, table), 5);
    EXPECT_EQ(competence_level(0.5, config->scoring.levels.at("1.1")), 3);
}

TEST(CatConfig, ReadsTheMeshWeights) {
    const Result<CatConfig> config = parse_cat_config(R"(
scoring:
  bounds: [-1.0, 0.0, 1.0]
  mesh: [{weight: 100, coefficient: 0}, {weight: 200, coefficient: 1}]
)",
                                                      "essai.yaml");

    ASSERT_TRUE(config.has_value()) << config.error().detail;
    EXPECT_EQ(certified_score(0.25, config->scoring), 250);
}

TEST(CatConfig, RefusesBoundsThatDoNotAscend) {
    EXPECT_NE(refusal("scoring:\n  bounds: [-8, -1.4, -1.4, 0.6, 1.5, 2.25, 3.1, 4, 8]\n").find("croître"),
              std::string::npos);
}

TEST(CatConfig, RefusesBoundsThatDoNotNumberOneMoreThanTheMeshSteps) {
    EXPECT_NE(refusal("scoring:\n  bounds: [-8, -1.4, 0.6, 1.5, 2.25, 3.1, 4, 8]\n").find("une borne de plus"),
              std::string::npos);
}

TEST(CatConfig, RefusesALevelTableThatLeavesACapacityWithoutLevel) {
    const std::string detail = refusal(R"(
scoring:
  competence_levels:
    "2.1": [{level: 0, min: -3, max: 0}, {level: 1, min: 0.5, max: 3}]
)");

    EXPECT_NE(detail.find("2.1"), std::string::npos) << detail;
    EXPECT_NE(detail.find("aucun intervalle"), std::string::npos) << detail;
}

TEST(CatConfig, RefusesAnUnknownCompetence) {
    EXPECT_NE(refusal("scoring:\n  competence_levels:\n    \"6.1\": [{level: 0, min: 0, max: 1}]\n").find("6.1"),
              std::string::npos);
}

TEST(CatConfig, RefusesAnUnknownKeyWithItsLine) {
    EXPECT_NE(refusal("length: 32\nexposure_penality: 0.3\n").find("essai.yaml:2 : configuration : clé inconnue"),
              std::string::npos);
}

TEST(CatConfig, RefusesAPenaltyWithoutACap) {
    EXPECT_NE(refusal("max_exposure_rate: 0\nexposure_penalty: 0.3\n").find("max_exposure_rate"), std::string::npos);
}

TEST(CatConfig, RefusesAPriorThatPutsNoMassOnTheGrid) {
    EXPECT_NE(refusal("grid:\n  prior_mean: 100\n  prior_sd: 0.1\n").find("aucune masse"), std::string::npos);
}

TEST(CatConfig, RefusesARateAboveOne) {
    EXPECT_NE(refusal("max_exposure_rate: 1.5\n").find("max_exposure_rate"), std::string::npos);
}

} // namespace
} // namespace numeria::assessment::cat
