// content_statistics.hpp: the counts `numeria content check` prints, and the minimums of the bank
// (docs/rules/content.md "Bank minimums", docs/content-format.md "Minimums").
#pragma once

#include "content/model/content_model.hpp"

#include <map>
#include <string>
#include <vector>

namespace numeria::content {

struct ContentStatistics {
    int challenges = 0;
    std::map<std::string, int> by_competence;
    std::map<std::string, std::map<int, int>> by_competence_and_level;
    std::map<std::string, int> by_type;
    int timed = 0;
    int with_media = 0;
    int skills = 0;
    int skills_with_alternatives = 0; // skills with two challenges or more
    int tubes_without_tutorial = 0;
};

[[nodiscard]] ContentStatistics count_content(const Content& content);

// The minimums not met, in French, one sentence each; empty when the bank is complete.
[[nodiscard]] std::vector<std::string> unmet_minimums(const Content& content, const ContentStatistics& statistics);

// Challenges whose own solution the answer checker does not accept ("file:line: id"), a bug in
// the content or in the checker either way.
[[nodiscard]] std::vector<std::string> self_check_solutions(const Content& content);

} // namespace numeria::content
