// cli_content.cpp: `numeria content check DIR`: loads and validates the content folder; prints every
// error as "file:line: reason" and exits 1, or prints the counts by competence, level and type and
// the minimums not met (exit 1 while the bank is incomplete, 0 when it meets them all).
#include "app/commands.hpp"
#include "content/loading/content_loader.hpp"
#include "content/loading/content_statistics.hpp"

#include <iostream>
#include <map>

namespace numeria::app {

namespace {

int check(const std::string& directory) {
    content::LoadResult loaded = content::load_content(directory);
    for (const content::LoadError& error : loaded.errors)
        std::cout << error.file << ":" << error.line << ": " << error.reason << "\n";
    if (!loaded.errors.empty()) {
        std::cout << loaded.errors.size() << " erreur(s).\n";
        return 1;
    }
    const content::ContentStatistics statistics = content::count_content(loaded.content);
    std::cout << "Épreuves : " << statistics.challenges << " ; minutées : " << statistics.timed
              << " ; avec illustration ou pièce jointe : " << statistics.with_media
              << " ; acquis : " << statistics.skills << " (dont " << statistics.skills_with_alternatives
              << " avec plusieurs épreuves)\n";
    std::cout << "Par type :";
    for (const auto& [type, count] : statistics.by_type)
        std::cout << " " << type << "=" << count;
    std::cout << "\nPar compétence (niveaux 1..8) :\n";
    for (const auto& [code, count] : statistics.by_competence) {
        std::cout << "  " << code << " : " << count << " [";
        for (int level = 1; level <= 8; ++level) {
            const auto& levels = statistics.by_competence_and_level.at(code);
            std::cout << (level > 1 ? " " : "") << (levels.count(level) ? levels.at(level) : 0);
        }
        std::cout << "]\n";
    }
    std::map<std::string, int> profiles_by_category;
    for (const auto& [id, profile] : loaded.content.profiles)
        ++profiles_by_category[profile.category];
    std::cout << "Parcours : " << loaded.content.profiles.size() << " (";
    for (auto it = profiles_by_category.begin(); it != profiles_by_category.end(); ++it)
        std::cout << (it == profiles_by_category.begin() ? "" : ", ") << it->first << "=" << it->second;
    std::cout << ") ; tutoriels : " << loaded.content.tutorials.size() << "\n";
    const std::vector<std::string> wrong = content::self_check_solutions(loaded.content);
    for (const std::string& line : wrong)
        std::cout << line << ": la solution de l'épreuve n'est pas acceptée par la correction\n";
    const std::vector<std::string> unmet = content::unmet_minimums(loaded.content, statistics);
    for (const std::string& line : unmet)
        std::cout << "Minimum non atteint : " << line << "\n";
    return wrong.empty() && unmet.empty() ? 0 : 1;
}

} // namespace

void add_content_commands(CLI::App& app) {
    auto directory = std::make_shared<std::string>("content");
    CLI::App* content = app.add_subcommand("content", "The learning content (docs/content-format.md).");
    content->require_subcommand(1);
    CLI::App* check_command = content->add_subcommand("check", "Validate a content folder and print its counts.");
    check_command->add_option("dir", *directory, "the content folder")->required();
    check_command->callback([directory] {
        const int code = check(*directory);
        if (code != 0)
            throw CLI::RuntimeError(code);
    });
}

} // namespace numeria::app
