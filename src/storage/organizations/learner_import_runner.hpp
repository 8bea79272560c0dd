// learner_import_runner.hpp: runs one student-base import against the database: the file is read
// and checked outside any transaction, then applied in ONE durable write transaction (all or
// nothing; docs/rules/student-import.md "Applying the import"). Used by `numeria students import` and by the Orga
// import worker.
#pragma once

#include "organizations/domain/organization.hpp"
#include "organizations/use_cases/import_learners.hpp"
#include "storage/database.hpp"

#include <string_view>

namespace numeria::storage {

[[nodiscard]] organizations::ImportOutcome run_learner_import(Database& db,
                                                              const organizations::Organization& organization,
                                                              organizations::ImportFormat format,
                                                              std::string_view bytes, bool confirmed, EpochMs now);

// The format a school's organisation uses by default: SIECLE (SCO), Fregata (SCO-AGRI), SUP (replace).
[[nodiscard]] organizations::ImportFormat default_import_format(const organizations::Organization& organization);

} // namespace numeria::storage
