// import_learners.hpp: the student-base import (docs/rules/student-import.md):
// validate a file (SIECLE XML or ZIP, Fregata CSV, SUP CSV), then apply it all or nothing.
// The caller runs apply_import inside one database transaction.
#pragma once

#include "organizations/domain/organization.hpp"
#include "organizations/learners/learner_ports.hpp"
#include "organizations/learners/parsed_file.hpp"
#include "organizations/ports.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace numeria::organizations {

// Rule: docs/rules/student-import.md "Formats and size": 20 MB.
constexpr std::size_t MAX_IMPORT_BYTES = std::size_t{20} * 1024 * 1024;

// Rule: docs/rules/student-import.md "Import jobs": an import claimed this many times without
// coming to rest (its process died each time) ends in error instead of being run again.
constexpr int MAX_IMPORT_ATTEMPTS = 3;

enum class ImportFormat { Siecle, Fregata, SupAdd, SupReplace };

[[nodiscard]] std::optional<ImportFormat> parse_import_format(std::string_view code);
[[nodiscard]] const char* import_format_code(ImportFormat format);

// Reads and checks the file; nothing is written. `school_uai` is checked against SIECLE's UAJ.
[[nodiscard]] ParsedFile validate_import_file(ImportFormat format, std::string_view bytes,
                                              const std::string& school_uai);

struct ImportOutcome {
    std::string status; // "IMPORTED", "VALIDATION_ERROR" or "CONFIRMATION_REQUIRED"
    int imported = 0;   // new learners
    int updated = 0;
    int disabled = 0;
    int unchanged = 0;
    int skipped = 0;
    int active_before = 0;
    std::vector<ImportIssue> errors; // the first MAX_REPORTED_ERRORS (parsed_file.hpp)
    std::size_t error_count = 0;     // all of them
    // What the school should know about pupils imported anyway (ACCOUNT_NOT_INHERITED…): the first
    // MAX_IMPORT_NOTICES, and how many there were in all.
    std::vector<ImportIssue> notices;
    int notice_count = 0;
    // Accounts of other organisations linked by this import: their schools are told (journal in the
    // transaction, e-mail after it). Not part of the outcome shown to the importing school.
    std::vector<InheritedAccount> inherited_accounts;

    [[nodiscard]] bool refused() const { return status != "IMPORTED"; }
};

constexpr std::size_t MAX_IMPORT_NOTICES = 100;

// The journal event written in an organisation's audit log when one of its pupils' accounts is
// linked to a learner of another organisation (docs/rules/student-import.md "Account inheritance").
constexpr const char* ACCOUNT_LINKED_ELSEWHERE = "learner.account_linked_elsewhere";

// The outcome of a refused file, without touching storage.
[[nodiscard]] ImportOutcome refused_outcome(const ParsedFile& file);

// Plans and writes a validated file. Without `confirmed`, an import that would disable more than
// half of the active learners writes nothing and answers CONFIRMATION_REQUIRED. Each account
// inherited from another organisation is recorded in THAT organisation's `audit` log.
[[nodiscard]] ImportOutcome apply_import(const ParsedFile& file, ImportFormat format, const Organization& organization,
                                         bool confirmed, LearnerRepository& learners, AuditLog& audit, EpochMs now);

} // namespace numeria::organizations
