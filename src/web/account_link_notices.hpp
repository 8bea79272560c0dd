// account_link_notices.hpp: after a student-base import committed, each school whose pupil's
// account was linked to a learner of the importing school is told by e-mail (its administrators with
// an address); the journal event was written in the import's transaction
// (docs/rules/student-import.md "Account inheritance").
#pragma once

#include "organizations/domain/organization.hpp"
#include "organizations/use_cases/import_learners.hpp"

namespace numeria::web {

struct WebApp;

// Sends the mails; a mail that cannot leave is logged, never retried.
void mail_account_links(WebApp& app, const organizations::Organization& importing,
                        const organizations::ImportOutcome& outcome);

} // namespace numeria::web
