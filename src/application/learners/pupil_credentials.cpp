#include "application/learners/students.hpp"

namespace numeria::application {

Result<organizations::IssuedCredentials> issue_pupil_credentials(Services& app,
                                                                 organizations::OrganizationId organization,
                                                                 organizations::LearnerId learner,
                                                                 const organizations::Actor& actor) {
    // Rule: docs/rules/security.md "Password hashing": hashed by the pool before the transaction
    // that stores it, never inside it.
    NUMERIA_TRY(identity::TemporaryPassword temporary, identity::make_temporary_password(app.hashing));
    return app.tx.durable([&](UnitOfWork& uow) -> Result<organizations::IssuedCredentials> {
        auto row = uow.learners().find(organization, learner);
        if (!row)
            return fail(Error::not_found("learner.not_found"));
        const organizations::Learner& pupil = row->learner;
        auto issued = organizations::issue_credentials(pupil, uow.users(), temporary, app.clock.now(),
                                                       organizations::EmailAccounts::AddUsername);
        if (!issued)
            return issued;
        if (issued->account_created)
            uow.learners().set_user(pupil.id, issued->user_id, app.clock.now());
        // Rule: docs/rules/organizations.md "Audit log": the pupil's name, never an account number.
        uow.audit().record({organization, actor.user_id,
                            issued->account_created ? "credentials.created" : "credentials.reset",
                            pupil.record.first_name + " " + pupil.record.last_name + " (" + pupil.record.division + ")",
                            "Identifiant " + issued->username, actor.ip, app.clock.now()});
        return issued;
    });
}

} // namespace numeria::application
