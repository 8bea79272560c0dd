#include "content/answer_checking/answer_checking.hpp"

#include "content/answer_checking/text_treatments.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace numeria::content {

namespace {

bool is_blank(const std::string& text) {
    return treatment_t1(pre_treat(text)).empty();
}

// Rule: docs/rules/content.md "QROC", "Numbers": numeric comparison for "nombre", otherwise
// equality after t1/t2, then t3 near misses.
bool matches(const std::string& answer, const FreeSolution& solution) {
    if (is_blank(answer))
        return false;
    if (solution.numeric) {
        // Rule: docs/rules/content.md "Numbers": the pre-treatment (NBSP → space) comes before
        // the numeric comparison too, so "1 024" typed with a no-break space (U+00A0, U+202F) as the
        // thousands separator is the number 1024; parse_number then ignores the spaces.
        const std::optional<double> given = parse_number(pre_treat(answer));
        if (!given)
            return false;
        for (const std::string& variant : solution.variants) {
            const std::optional<double> expected = parse_number(pre_treat(variant));
            if (expected && std::fabs(*given - *expected) <= 1e-9 * std::max(1.0, std::fabs(*expected)))
                return true;
        }
        return false;
    }
    const std::string given = treated_text(answer, solution.tolerances);
    if (given.empty())
        return false; // only punctuation: nothing left to compare
    for (const std::string& variant : solution.variants) {
        if (given == treated_text(variant, solution.tolerances))
            return true;
    }
    if (!solution.tolerances.t3)
        return false;
    for (const std::string& variant : solution.variants) {
        const std::string expected = treated_text(variant, solution.tolerances);
        const std::size_t length = levenshtein(expected, "");
        if (length == 0)
            continue;
        const double ratio = static_cast<double>(levenshtein(given, expected)) / static_cast<double>(length);
        if (ratio <= T3_MAX_RATIO)
            return true;
    }
    return false;
}

} // namespace

std::string treated_text(const std::string& text, const Tolerances& tolerances) {
    std::string value = pre_treat(text);
    if (tolerances.t1)
        value = treatment_t1(value);
    if (tolerances.t2)
        value = treatment_t2(value);
    return value;
}

// Rule: docs/rules/content.md "QCU and QCM": the answer must equal the solution.
Verdict check_qcu(std::optional<int> chosen, int solution, bool skipped) {
    if (skipped)
        return Verdict::Skipped;
    return chosen && *chosen == solution ? Verdict::Ok : Verdict::Ko;
}

// Rule: docs/rules/content.md "QCU and QCM": right iff the sets are equal.
Verdict check_qcm(const std::set<int>& chosen, const std::set<int>& solution, bool skipped) {
    if (skipped)
        return Verdict::Skipped;
    return !chosen.empty() && chosen == solution ? Verdict::Ok : Verdict::Ko;
}

Verdict check_qroc(const std::string& answer, const FreeSolution& solution, bool skipped) {
    if (skipped)
        return Verdict::Skipped;
    return matches(answer, solution) ? Verdict::Ok : Verdict::Ko;
}

// Rule: docs/rules/content.md "QROCM-ind": each key judged on its own.
FieldsVerdict check_qrocm_ind(const std::map<std::string, std::string>& answers,
                              const std::map<std::string, FreeSolution>& solution, bool skipped) {
    FieldsVerdict result;
    if (skipped) {
        result.verdict = Verdict::Skipped;
        return result;
    }
    bool all = true;
    for (const auto& [key, field_solution] : solution) {
        auto given = answers.find(key);
        const bool ok = given != answers.end() && matches(given->second, field_solution);
        result.fields[key] = ok;
        all = all && ok;
    }
    result.verdict = all ? Verdict::Ok : Verdict::Ko;
    return result;
}

// Rule: docs/rules/content.md "QROCM-dep": order-free, each group used once.
Verdict check_qrocm_dep(const std::vector<std::string>& answers, const std::vector<FreeSolution>& groups,
                        bool skipped) {
    if (skipped)
        return Verdict::Skipped;
    std::vector<std::vector<bool>> fits(answers.size(), std::vector<bool>(groups.size(), false));
    std::vector<std::string> seen_answers;
    for (std::size_t a = 0; a < answers.size(); ++a) {
        // The same answer typed in two fields counts once: with t3, "date de naissance" is also
        // within 0.25 of "ville de naissance", and would otherwise fill both groups.
        const std::string folded = treatment_t1(pre_treat(answers[a]));
        if (!folded.empty() && std::find(seen_answers.begin(), seen_answers.end(), folded) != seen_answers.end())
            continue;
        seen_answers.push_back(folded);
        for (std::size_t g = 0; g < groups.size(); ++g)
            fits[a][g] = matches(answers[a], groups[g]);
    }
    // Maximum bipartite matching (augmenting paths): sizes are a handful of fields.
    std::vector<int> owner(groups.size(), -1);
    std::function<bool(std::size_t, std::vector<bool>&)> assign = [&](std::size_t a, std::vector<bool>& seen) {
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (!fits[a][g] || seen[g])
                continue;
            seen[g] = true;
            if (owner[g] < 0 || assign(static_cast<std::size_t>(owner[g]), seen)) {
                owner[g] = static_cast<int>(a);
                return true;
            }
        }
        return false;
    };
    std::size_t matched = 0;
    for (std::size_t a = 0; a < answers.size(); ++a) {
        std::vector<bool> seen(groups.size(), false);
        if (assign(a, seen))
            ++matched;
    }
    return !answers.empty() && matched == answers.size() ? Verdict::Ok : Verdict::Ko;
}

} // namespace numeria::content
