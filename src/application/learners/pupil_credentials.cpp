#include "application/learners/students.hpp"

#include <algorithm>

namespace numeria::application {

namespace {

// Rule: docs/rules/security.md "Password hashing": the temporary passwords are hashed by the
// pool before the transaction that stores them, never inside it (a class of 30 would hold the
// write lock for 30 hashes).
Result<std::vector<identity::TemporaryPassword>> temporary_passwords(Services& app, std::size_t count) {
    std::vector<identity::TemporaryPassword> made;
    made.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        NUMERIA_TRY(identity::TemporaryPassword one, identity::make_temporary_password(app.hashing));
        made.push_back(std::move(one));
    }
    return made;
}

// Issues credentials inside the caller's transaction and links a newly created account.
Result<organizations::IssuedCredentials> issue_and_link(Services& app, UnitOfWork& uow,
                                                        const organizations::Learner& learner,
                                                        const identity::TemporaryPassword& temporary,
                                                        organizations::EmailAccounts email_accounts) {
    auto issued = organizations::issue_credentials(learner, uow.users(), temporary, app.clock.now(), email_accounts);
    if (issued && issued->account_created)
        uow.learners().set_user(learner.id, issued->user_id, app.clock.now());
    return issued;
}

} // namespace

Result<organizations::IssuedCredentials>
issue_pupil_credentials(Services& app, organizations::OrganizationId organization, organizations::LearnerId learner) {
    NUMERIA_TRY(std::vector<identity::TemporaryPassword> temporary, temporary_passwords(app, 1));
    return app.tx.durable([&](UnitOfWork& uow) -> Result<organizations::IssuedCredentials> {
        auto row = uow.learners().find(organization, learner);
        if (!row)
            return fail(Error::not_found("learner.not_found"));
        return issue_and_link(app, uow, row->learner, temporary.front(), organizations::EmailAccounts::AddUsername);
    });
}

Result<ClassCredentials> issue_class_credentials(Services& app, organizations::OrganizationId organization,
                                                 const std::string& division) {
    organizations::LearnerQuery query;
    query.organization = organization;
    query.division = division;
    query.page_size = 10000;
    NUMERIA_TRY(std::size_t class_size, app.tx.read([&](UnitOfWork& uow) -> Result<std::size_t> {
        const std::vector<std::string> divisions = uow.learners().divisions(organization);
        if (division.empty() || std::find(divisions.begin(), divisions.end(), division) == divisions.end())
            return fail(Error::rule("credentials.class_unknown"));
        return uow.learners().search(query).rows.size();
    }));
    NUMERIA_TRY(std::vector<identity::TemporaryPassword> temporary, temporary_passwords(app, class_size));
    return app.tx.durable([&](UnitOfWork& uow) -> Result<ClassCredentials> {
        ClassCredentials batch;
        std::size_t next = 0;
        for (const organizations::LearnerRow& row : uow.learners().search(query).rows) {
            // A pupil who joined the class since the count above gets no password in this batch.
            if (next == temporary.size()) {
                ++batch.not_issued;
                continue;
            }
            auto issued =
                issue_and_link(app, uow, row.learner, temporary[next], organizations::EmailAccounts::LeaveAlone);
            if (issued) {
                ++next;
                batch.lines.push_back({row.learner.record.division, row.learner.record.last_name,
                                       row.learner.record.first_name, issued->username, issued->password});
            } else if (issued.error().reason == "learner.account_has_email") {
                ++batch.with_email; // Rule: docs/rules/accounts.md "Pupils' credentials": e-mail accounts are left
                                    // alone.
            } else {
                ++batch.not_issued;
            }
        }
        if (auto found = uow.organizations().find(organization))
            batch.organization_name = found->name;
        return batch;
    });
}

} // namespace numeria::application
