#include "application/learners/import_outcome_json.hpp"

#include <algorithm>

namespace numeria::application {

namespace {

nlohmann::json issue_json(const organizations::ImportIssue& issue) {
    // No sentence here: the web layer words each issue from these (web/import_messages.cpp).
    nlohmann::json json = {{"code", issue.code}};
    json["ine"] = issue.ine.empty() ? nlohmann::json(nullptr) : nlohmann::json(issue.ine);
    json["line"] = issue.line == 0 ? nlohmann::json(nullptr) : nlohmann::json(issue.line);
    if (!issue.field.empty())
        json["field"] = issue.field;
    if (!issue.value.empty())
        json["value"] = issue.value;
    if (!issue.reason.empty())
        json["reason"] = issue.reason;
    return json;
}

} // namespace

nlohmann::json import_outcome_json(const organizations::ImportOutcome& outcome) {
    nlohmann::json errors = nlohmann::json::array();
    for (const organizations::ImportIssue& issue : outcome.errors)
        errors.push_back(issue_json(issue));
    nlohmann::json notices = nlohmann::json::array();
    for (const organizations::ImportIssue& issue : outcome.notices)
        notices.push_back(issue_json(issue));
    return {{"status", outcome.status},
            {"imported", outcome.imported},
            {"updated", outcome.updated},
            {"disabled", outcome.disabled},
            {"unchanged", outcome.unchanged},
            {"skipped", outcome.skipped},
            {"active_before", outcome.active_before},
            {"error_count", std::max(outcome.error_count, outcome.errors.size())},
            {"errors", errors},
            {"notices", notices},
            {"notice_count", outcome.notice_count}};
}

organizations::ImportOutcome failed_import_outcome() {
    organizations::ImportOutcome outcome;
    outcome.status = "IMPORT_ERROR";
    outcome.errors.push_back(organizations::make_issue("INTERNAL_ERROR"));
    outcome.error_count = 1;
    return outcome;
}

organizations::ImportOutcome retries_exhausted_outcome() {
    organizations::ImportOutcome outcome;
    outcome.status = "IMPORT_ERROR";
    outcome.errors.push_back(organizations::make_issue("IMPORT_RETRIES_EXHAUSTED", "", 0, "",
                                                       std::to_string(organizations::MAX_IMPORT_ATTEMPTS)));
    outcome.error_count = 1;
    return outcome;
}

} // namespace numeria::application
