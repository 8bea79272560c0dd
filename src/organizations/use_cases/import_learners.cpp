#include "organizations/use_cases/import_learners.hpp"

#include "organizations/learners/csv_learners.hpp"
#include "organizations/learners/learner_text.hpp"
#include "organizations/learners/siecle_parser.hpp"
#include "organizations/learners/zip_extract.hpp"

#include <set>
#include <variant>

namespace numeria::organizations {

std::optional<ImportFormat> parse_import_format(std::string_view code) {
    if (code == "siecle")
        return ImportFormat::Siecle;
    if (code == "fregata")
        return ImportFormat::Fregata;
    if (code == "sup" || code == "sup-replace")
        return ImportFormat::SupReplace;
    if (code == "sup-add")
        return ImportFormat::SupAdd;
    return std::nullopt;
}

const char* import_format_code(ImportFormat format) {
    switch (format) {
    case ImportFormat::Siecle:
        return "siecle";
    case ImportFormat::Fregata:
        return "fregata";
    case ImportFormat::SupAdd:
        return "sup-add";
    case ImportFormat::SupReplace:
        return "sup-replace";
    }
    return "siecle";
}

namespace {

ParsedFile read_import_file(ImportFormat format, std::string_view bytes, const std::string& school_uai) {
    if (bytes.size() > MAX_IMPORT_BYTES)
        return refused_file(
            make_issue("FILE_TOO_LARGE", "", 0, "", std::to_string((bytes.size() + 1048575) / 1048576)));
    switch (format) {
    case ImportFormat::Siecle: {
        // Rule: docs/rules/student-import.md "Formats and size": a ZIP is detected by content, not by name.
        if (!looks_like_zip(bytes))
            return parse_siecle_xml(bytes, school_uai);
        std::variant<std::string, ImportIssue> xml = extract_single_xml(bytes);
        if (auto* issue = std::get_if<ImportIssue>(&xml))
            return refused_file(*issue);
        return parse_owned_siecle_xml(std::move(std::get<std::string>(xml)), school_uai);
    }
    case ImportFormat::Fregata:
        return parse_fregata_csv(bytes);
    case ImportFormat::SupAdd:
    case ImportFormat::SupReplace:
        return parse_sup_csv(bytes);
    }
    return refused_file(make_issue("INVALID_FILE", "", 0, "", "", "UNKNOWN_FORMAT"));
}

} // namespace

ParsedFile validate_import_file(ImportFormat format, std::string_view bytes, const std::string& school_uai) {
    ParsedFile file = read_import_file(format, bytes, school_uai);
    // Rule: docs/rules/security.md "Text input": imported text is held to the same rule as forms.
    check_learner_text(file);
    return file;
}

ImportOutcome refused_outcome(const ParsedFile& file) {
    ImportOutcome outcome;
    outcome.status = "VALIDATION_ERROR";
    outcome.skipped = file.skipped;
    outcome.errors = file.errors;
    outcome.error_count = file.error_count;
    return outcome;
}

ImportOutcome apply_import(const ParsedFile& file, ImportFormat format, const Organization& organization,
                           bool confirmed, LearnerRepository& learners, AuditLog& audit, EpochMs now) {
    if (file.refused())
        return refused_outcome(file);
    std::set<std::string> keys;
    for (const LearnerRecord& record : file.learners)
        keys.insert(record.key);
    // Rule: docs/rules/student-import.md "SUP CSV": the "add" mode keeps learners absent from the file;
    // every other format disables them.
    const ImportPlan plan =
        plan_import(learners.list_all(organization.id), file.learners,
                    learners.accounts_elsewhere(organization.id, keys), format != ImportFormat::SupAdd);
    ImportOutcome outcome;
    outcome.skipped = file.skipped;
    outcome.active_before = plan.active_before;
    outcome.imported = static_cast<int>(plan.to_create.size());
    outcome.updated = static_cast<int>(plan.to_update.size());
    outcome.disabled = static_cast<int>(plan.to_disable.size());
    outcome.unchanged = plan.unchanged;
    // Rule: docs/rules/student-import.md "Account inheritance": the importing school learns why a
    // pupil got no account; at most MAX_IMPORT_NOTICES are kept, with the count of all.
    outcome.notice_count = static_cast<int>(plan.not_inherited.size());
    for (const LearnerRecord& record : plan.not_inherited) {
        if (outcome.notices.size() >= MAX_IMPORT_NOTICES)
            break;
        outcome.notices.push_back(make_issue("ACCOUNT_NOT_INHERITED", record.key, record.line));
    }
    if (plan.needs_confirmation() && !confirmed) {
        outcome.status = "CONFIRMATION_REQUIRED";
        return outcome;
    }
    learners.apply(organization.id, plan, now);
    // Rule: docs/rules/student-import.md "Account inheritance": the school whose pupil's account is
    // now linked here reads it in its journal.
    const std::string by = organization.name + (organization.uai ? " (UAI " + *organization.uai + ")" : "");
    for (const InheritedAccount& account : plan.inherited)
        audit.record(AuditEvent{account.from_organization, std::nullopt, ACCOUNT_LINKED_ELSEWHERE, account.record.key,
                                "Rattaché par " + by, "", now});
    outcome.inherited_accounts = plan.inherited;
    outcome.status = "IMPORTED";
    return outcome;
}

} // namespace numeria::organizations
