// answer_checking.hpp: judging a student's answer, one function per challenge type
// (docs/rules/content.md "Answer checking", docs/content-format.md). Pure: no I/O, no state.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace numeria::content {

// Skipping ("Je passe") is its own result, never a wrong answer.
enum class Verdict { Ok, Ko, Skipped };

// Which comparisons a free answer gets; all on by default, each can be turned off by the content.
struct Tolerances {
    bool t1 = true; // case, accents, spaces
    bool t2 = true; // punctuation and other symbols
    bool t3 = true; // near misses: Levenshtein distance / variant length ≤ 0.25
};

// The accepted variants of one free field.
struct FreeSolution {
    std::vector<std::string> variants;
    Tolerances tolerances;
    bool numeric = false; // format "nombre": compared as numbers, "3,5" = "3.5", "1 024" = "1024"
};

// Rule (Pix t3): accepted when distance / variant length is at most this ratio.
constexpr double T3_MAX_RATIO = 0.25;

// The text a free answer or variant is compared on: pre-treatment (NFC, no-break spaces), then t1
// and t2 when enabled. A variant for which this is empty could never be told apart from noise.
[[nodiscard]] std::string treated_text(const std::string& text, const Tolerances& tolerances);

// Every checker below: `skipped` is the "Je passe" button and gives Skipped whatever was typed;
// an empty answer without it is wrong (the page asks the student to answer or to skip first).

// QCU: the chosen proposal (1-based) is the solution.
[[nodiscard]] Verdict check_qcu(std::optional<int> chosen, int solution, bool skipped = false);

// QCM: the set of chosen proposals equals the set of right ones (order never matters).
[[nodiscard]] Verdict check_qcm(const std::set<int>& chosen, const std::set<int>& solution, bool skipped = false);

// QROC: one free field against its variants.
[[nodiscard]] Verdict check_qroc(const std::string& answer, const FreeSolution& solution, bool skipped = false);

// QROCM-ind: each field against its own variants; right iff every field is.
struct FieldsVerdict {
    Verdict verdict = Verdict::Ko;
    std::map<std::string, bool> fields; // per-field results, shown to the student
};
[[nodiscard]] FieldsVerdict check_qrocm_ind(const std::map<std::string, std::string>& answers,
                                            const std::map<std::string, FreeSolution>& solution, bool skipped = false);

// QROCM-dep: each field may match any group, each group at most once, in any order; right iff every
// field matched a distinct group. Groups are assigned by maximum bipartite matching, so an answer
// that fits two groups never blocks another field (a greedy first-fit could).
[[nodiscard]] Verdict check_qrocm_dep(const std::vector<std::string>& answers, const std::vector<FreeSolution>& groups,
                                      bool skipped = false);

} // namespace numeria::content
