// class_credentials.hpp: a class's batch of pupils' credentials (docs/rules/accounts.md "Class
// credentials batches"): what the confirmation shows (who gets a new password), starting a batch
// (its job issues the passwords one pupil at a time), and reading a batch back: its progress, and
// its sheet with the same passwords every time until the class's next batch.
#pragma once

#include "application/services.hpp"
#include "organizations/learners/credential_batch.hpp"
#include "organizations/use_cases/team.hpp"

#include <set>
#include <string>
#include <vector>

namespace numeria::application {

struct PlannedPupil {
    organizations::LearnerRow row;
    organizations::CredentialPlan plan = organizations::CredentialPlan::NotPossible;
};

struct ClassCredentialsPlan {
    organizations::Organization organization;
    std::string division;
    std::vector<PlannedPupil> pupils; // the class's active pupils, by name
    std::optional<organizations::CredentialBatch> latest;
};

// Refused with "credentials.class_unknown" unless `division` is a class of active pupils.
[[nodiscard]] Result<ClassCredentialsPlan>
plan_class_credentials(Services& app, organizations::OrganizationId organization, const std::string& division);

struct StartedBatch {
    long long id = 0;
    bool already_running = false; // the class's batch still running: nothing new was started
};

// Starts the class's batch for every pupil who gets a password (the `ticked` pupils who chose their
// own password included); the previous batches of the class lose their passwords. Refused with
// "credentials.class_unknown", or "credentials.nobody" when no pupil would get a password.
[[nodiscard]] Result<StartedBatch> start_class_credentials(Services& app, organizations::OrganizationId organization,
                                                           const std::string& division,
                                                           const std::set<organizations::LearnerId>& ticked,
                                                           const organizations::Actor& actor);

// One line of a class sheet, password in clear.
struct CredentialLine {
    std::string division;
    std::string last_name;
    std::string first_name;
    std::string username;
    std::string password;
};

struct CredentialBatchView {
    organizations::Organization organization;
    organizations::CredentialBatch batch;
    std::vector<organizations::CredentialBatchLine> lines; // every line, passwords still sealed
    std::vector<CredentialLine> sheet;                     // with_sheet: the issued lines, passwords opened
};

// Refused with "credentials.batch_not_found" (another organisation's batch too). `with_sheet`
// opens the passwords (once the batch is done; a replaced batch has none left).
[[nodiscard]] Result<CredentialBatchView>
view_credential_batch(Services& app, organizations::OrganizationId organization, long long batch, bool with_sheet);

} // namespace numeria::application
