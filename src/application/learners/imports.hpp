// imports.hpp: the student-base import use cases (docs/rules/student-import.md): the school uploads
// a file (kept durably before the answer), follows its state, confirms or cancels an import that
// would disable more than half of its pupils; the CLI imports a file at once. The background run
// of an upload is learner_import_job.hpp.
#pragma once

#include "application/services.hpp"
#include "organizations/learners/learner_import_queue.hpp"
#include "organizations/use_cases/import_learners.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace numeria::application {

// The format a school's organisation uses by default: SIECLE (SCO), Fregata (SCO-AGRI), SUP (replace).
[[nodiscard]] organizations::ImportFormat default_import_format(const organizations::Organization& organization);

struct ImportUpload {
    organizations::OrganizationId organization = 0;
    std::string format; // "" for the organisation's default
    std::string file_name;
    identity::UserId uploaded_by = 0;
};
// Refusals: organization.no_students, import.format_unknown, import.file_empty, import.file_too_large.
// Returns the import's id; the file is committed durably before this returns.
[[nodiscard]] Result<long long> submit_import(Services& app, const ImportUpload& upload, std::string_view bytes);

[[nodiscard]] Result<organizations::LearnerImport>
find_import(Services& app, organizations::OrganizationId organization, long long id);
[[nodiscard]] std::vector<organizations::LearnerImport>
list_imports(Services& app, organizations::OrganizationId organization, int limit);
// Refused (import.not_waiting) unless the import waits for a confirmation.
[[nodiscard]] Status confirm_import(Services& app, organizations::OrganizationId organization, long long id);
[[nodiscard]] Status cancel_import(Services& app, organizations::OrganizationId organization, long long id);

// `numeria students import`: the file is read and checked outside any transaction, then applied in
// ONE durable transaction (all or nothing).
[[nodiscard]] organizations::ImportOutcome import_now(Transactions& tx, const Clock& clock,
                                                      const organizations::Organization& organization,
                                                      organizations::ImportFormat format, std::string_view bytes,
                                                      bool confirmed);

} // namespace numeria::application
