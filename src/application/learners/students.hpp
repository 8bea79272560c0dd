// students.hpp: the use cases of the Orga "Élèves" tab (docs/adr/0008): the list and the pupil
// page, credentials for one pupil (docs/rules/accounts.md "Pupils' credentials"; a class's batch is
// class_credentials.hpp),
// and the dissociation of a wrongly linked account, recorded in the audit log.
#pragma once

#include "application/services.hpp"
#include "organizations/learners/learner_query.hpp"
#include "organizations/use_cases/pupil_credentials.hpp"
#include "organizations/use_cases/team.hpp"

#include <string>
#include <vector>

namespace numeria::application {

struct StudentsView {
    organizations::Organization organization;
    organizations::LearnerPage page;
    std::vector<std::string> divisions; // of the active learners
    int email_accounts = 0;             // in the query's class (left out of class credentials)
};
[[nodiscard]] Result<StudentsView> list_students(Services& app, const organizations::LearnerQuery& query);
// The learners of one page of the query (the CSV export reads it page by page).
[[nodiscard]] std::vector<organizations::LearnerRow> all_students(Services& app,
                                                                  const organizations::LearnerQuery& query);

struct StudentView {
    organizations::Organization organization;
    organizations::LearnerRow row;
};
[[nodiscard]] Result<StudentView> find_student(Services& app, organizations::OrganizationId organization,
                                               organizations::LearnerId learner);

// A username and a temporary password for one pupil (an e-mail account gets a username too).
[[nodiscard]] Result<organizations::IssuedCredentials>
issue_pupil_credentials(Services& app, organizations::OrganizationId organization, organizations::LearnerId learner,
                        const organizations::Actor& actor);

// Unlinks the pupil's account and records it in the audit log; false when none was linked.
[[nodiscard]] Result<bool> dissociate_account(Services& app, organizations::OrganizationId organization,
                                              organizations::LearnerId learner, const organizations::Actor& actor);

} // namespace numeria::application
