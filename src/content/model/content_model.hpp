// content_model.hpp: the learning content in memory (docs/content-format.md): the CRCN framework
// (areas, competences), tubes, skills, challenges, tutorials and target profiles. Loaded once,
// then immutable and shared by every request.
#pragma once

#include "content/answer_checking/answer_checking.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace numeria::content {

enum class ChallengeType { Qcu, Qcm, Qroc, QrocmInd, QrocmDep };

[[nodiscard]] const char* type_code(ChallengeType type);
[[nodiscard]] std::optional<ChallengeType> parse_challenge_type(std::string_view code);

struct Field {
    std::string key;
    std::string label;
    bool numeric = false; // format "nombre" for this field (QROCM-ind, QROCM-dep)
};

struct Media {
    std::string file; // relative to content/
    std::string text; // alt text (illustration) or title (attachment)
};

struct Challenge {
    std::string id;
    ChallengeType type = ChallengeType::Qcu;
    std::string statement;
    std::vector<std::string> proposals;           // QCU, QCM
    std::set<int> right_proposals;                // QCU (one), QCM (one or more), 1-based
    std::vector<Field> fields;                    // QROCM-ind, QROCM-dep
    std::string input_label;                      // QROC: the input's label ("" = "Votre réponse")
    std::string input_suffix;                     // QROC: shown after the input, e.g. "Mo"
    FreeSolution free_solution;                   // QROC
    std::map<std::string, FreeSolution> by_field; // QROCM-ind
    std::vector<FreeSolution> groups;             // QROCM-dep
    std::optional<int> timer_seconds;
    bool focused = false;
    std::optional<Media> illustration;
    std::optional<Media> attachment;
    bool blind_ok = true;
    bool color_blind_ok = true;
    std::string explanation;
    double irt_a = 1.0;
    double irt_b = 0.0;
    bool calibrated = false;
    std::string skill;  // "@tubeN"
    std::string source; // "file:line", for error messages
};

struct Skill {
    std::string name; // "@motsCles2"
    int level = 1;
    double pix_value = 0;
    std::vector<std::string> challenge_ids;
};

struct Tube {
    std::string name; // "@motsCles"
    std::string title;
    std::string description;
    std::string competence; // "1.1"
    std::vector<Skill> skills;
};

struct Competence {
    std::string code; // "1.1"
    std::string name;
    std::string description;
    std::string area; // "1"
    std::vector<std::string> tubes;
};

struct Area {
    std::string code;
    std::string name;
    std::vector<std::string> competences;
};

struct Tutorial {
    std::string id;
    std::string tube;
    std::string title;
    std::string source;
    std::string format;
    std::string duration;
    std::string url;
};

struct StageDefinition {
    int threshold = 0;
    std::string title;
    std::string message;
    std::string teacher_message;
};

struct TargetProfile {
    std::string id;
    std::string name;
    std::string category;
    std::string description;
    std::vector<std::pair<std::string, int>> capped_tubes; // tube name, level cap
    std::vector<StageDefinition> stages;
};

struct Content {
    std::vector<Area> areas;
    std::map<std::string, Competence> competences;
    std::map<std::string, Tube> tubes;
    std::map<std::string, Challenge> challenges;
    std::vector<Tutorial> tutorials;
    std::map<std::string, TargetProfile> profiles;
};

// Default stages (docs/rules/content.md "Mastery and stages"): 0 / 21 / 51 / 81 %.
[[nodiscard]] std::vector<StageDefinition> default_stages();

} // namespace numeria::content
