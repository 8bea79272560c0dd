#include "application/learners/students.hpp"

#include <algorithm>

namespace numeria::application {

namespace {

Result<organizations::Organization> organization_of(UnitOfWork& uow, organizations::OrganizationId id) {
    auto organization = uow.organizations().find(id);
    if (!organization)
        return fail(Error::not_found("organization.not_found"));
    return *organization;
}

} // namespace

Result<StudentsView> list_students(Services& app, const organizations::LearnerQuery& query) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<StudentsView> {
        NUMERIA_TRY(organizations::Organization organization, organization_of(uow, query.organization));
        StudentsView view{organization, uow.learners().search(query), uow.learners().divisions(query.organization), 0};
        if (!query.division.empty()) {
            organizations::LearnerQuery with_email;
            with_email.organization = query.organization;
            with_email.division = query.division;
            with_email.connection = "email";
            with_email.page_size = 1;
            view.email_accounts = uow.learners().search(with_email).total;
        }
        return view;
    });
}

std::vector<organizations::LearnerRow> all_students(Services& app, const organizations::LearnerQuery& query) {
    auto rows = app.tx.read([&](UnitOfWork& uow) -> Result<std::vector<organizations::LearnerRow>> {
        return uow.learners().search(query).rows;
    });
    return rows ? std::move(*rows) : std::vector<organizations::LearnerRow>{};
}

Result<StudentView> find_student(Services& app, organizations::OrganizationId organization,
                                 organizations::LearnerId learner) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<StudentView> {
        NUMERIA_TRY(organizations::Organization found, organization_of(uow, organization));
        auto row = uow.learners().find(organization, learner);
        if (!row)
            return fail(Error::not_found("learner.not_found"));
        return StudentView{found, *row};
    });
}

Result<bool> dissociate_account(Services& app, organizations::OrganizationId organization,
                                organizations::LearnerId learner, const organizations::Actor& actor) {
    return app.tx.write([&](UnitOfWork& uow) -> Result<bool> {
        auto row = uow.learners().find(organization, learner);
        if (!row)
            return fail(Error::not_found("learner.not_found"));
        if (!row->learner.user_id)
            return false;
        uow.learners().dissociate(learner, app.clock.now());
        // Rule: docs/rules/student-import.md "Account inheritance": a dissociated account is never
        // linked again; the audit log names the pupil and the account.
        const std::string account = !row->account_email.empty()      ? row->account_email
                                    : !row->account_username.empty() ? row->account_username
                                                                     : "#" + std::to_string(*row->learner.user_id);
        uow.audit().record(organizations::AuditEvent{
            organization, actor.user_id, "learner.account_dissociated",
            row->learner.record.first_name + " " + row->learner.record.last_name, account, actor.ip, app.clock.now()});
        return true;
    });
}

} // namespace numeria::application
