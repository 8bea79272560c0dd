// check_answer.hpp: one answer to one challenge, whatever its type, judged by the rules of
// answer_checking.hpp (docs/rules/content.md "Answer checking"). Shared by the Admin preview and
// the learner's question page: the web parses the form into an `Answer`, this says whether it is
// right, skipped, or not given at all.
#pragma once

#include "content/answer_checking/answer_checking.hpp"
#include "content/model/content_model.hpp"

#include <map>
#include <set>
#include <string>

namespace numeria::content {

struct Answer {
    bool skipped = false;                      // "Je passe"
    std::set<int> chosen;                      // QCU (at most one), QCM: 1-based proposal numbers
    std::string text;                          // QROC
    std::map<std::string, std::string> fields; // QROCM: the text of each field, by key
};

struct Judgement {
    Verdict verdict = Verdict::Ko;
    // "Je valide" with nothing chosen or an empty field: no verdict, the learner must answer every
    // field or skip (docs/rules/content.md "Answer checking").
    bool incomplete = false;
    std::map<std::string, bool> fields; // QROCM-ind: each field's result, shown to the learner
};

[[nodiscard]] Judgement check_answer(const Challenge& challenge, const Answer& answer);

} // namespace numeria::content
