// answer_fuzz.cpp: libFuzzer target for answer checking (src/content/answer_checking): the input is
// what a student typed, judged by every checker against a few fixed solutions of each type; lines
// are the fields of the multi-field types and numbers are the chosen proposals of QCU/QCM.
#include "content/answer_checking/answer_checking.hpp"
#include "content/answer_checking/text_treatments.hpp"
#include "fuzz_support.hpp"

#include <charconv>
#include <string>
#include <vector>

using namespace numeria;
using content::FreeSolution;
using content::Tolerances;
using content::Verdict;

namespace {

std::vector<std::string> lines(std::string_view text) {
    std::vector<std::string> out;
    while (out.size() < 16) {
        const std::size_t end = text.find('\n');
        out.emplace_back(text.substr(0, end));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return out;
}

std::vector<int> numbers(std::string_view text) {
    std::vector<int> out;
    for (const std::string& line : lines(text)) {
        int value = 0;
        if (std::from_chars(line.data(), line.data() + line.size(), value).ec == std::errc())
            out.push_back(value);
    }
    return out;
}

const std::vector<FreeSolution>& solutions() {
    static const std::vector<FreeSolution> all = {
        {{"Paris", "paris 75"}, {}, false},
        {{"Élève", "écolière"}, {true, false, true}, false},
        {{"C'est l'été !"}, {false, true, false}, false},
        {{"ville de naissance", "date de naissance"}, {true, true, false}, false},
        {{"3,5", "1 024", "-0.25"}, {}, true},
        {{"1e3"}, {}, true},
    };
    return all;
}

void check_free(const std::string& answer) {
    for (const FreeSolution& solution : solutions()) {
        NUMERIA_ASSERT(content::check_qroc(answer, solution, true) == Verdict::Skipped, "skipping is never judged");
        (void)content::check_qroc(answer, solution);
        (void)content::treated_text(answer, solution.tolerances);
    }
    // A variant always matches itself, unless nothing comparable is left of it.
    for (const Tolerances tolerances : {Tolerances{}, Tolerances{false, false, false}}) {
        const FreeSolution itself{{answer}, tolerances, false};
        if (!content::treated_text(answer, tolerances).empty() &&
            !content::treatment_t1(content::pre_treat(answer)).empty())
            NUMERIA_ASSERT(content::check_qroc(answer, itself) == Verdict::Ok, "a variant matches itself");
    }
    if (content::parse_number(content::pre_treat(answer)))
        NUMERIA_ASSERT(content::check_qroc(answer, FreeSolution{{answer}, {}, true}) == Verdict::Ok,
                       "a number matches itself");
    NUMERIA_ASSERT(content::levenshtein(answer, "") == content::levenshtein("", answer), "distance is symmetric");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string answer(fuzz::as_text(data, size));
    check_free(answer);

    const std::vector<std::string> fields = lines(answer);
    std::map<std::string, std::string> by_key;
    for (std::size_t i = 0; i < fields.size(); ++i)
        by_key["champ" + std::to_string(i + 1)] = fields[i];
    const std::map<std::string, FreeSolution> ind = {
        {"champ1", solutions()[0]}, {"champ2", solutions()[4]}, {"champ3", solutions()[2]}};
    const content::FieldsVerdict verdict = content::check_qrocm_ind(by_key, ind);
    NUMERIA_ASSERT(verdict.fields.size() == ind.size(), "every field of a QROCM-ind is judged");
    const std::vector<FreeSolution> dep = {solutions()[3], solutions()[1], solutions()[0]};
    (void)content::check_qrocm_dep(fields, dep);
    NUMERIA_ASSERT(content::check_qrocm_dep(fields, dep, true) == Verdict::Skipped, "skipping is never judged");

    const std::vector<int> chosen = numbers(answer);
    for (const int solution : {1, 3})
        (void)content::check_qcu(chosen.empty() ? std::nullopt : std::optional<int>(chosen.front()), solution);
    (void)content::check_qcm(std::set<int>(chosen.begin(), chosen.end()), {1, 3});
    (void)content::check_qcm(std::set<int>(chosen.begin(), chosen.end()), {2});
    return 0;
}
