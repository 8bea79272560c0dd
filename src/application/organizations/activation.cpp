#include "application/mail_outbox.hpp"
#include "application/organizations/team.hpp"
#include "organizations/domain/uai.hpp"

namespace numeria::application {

// Rule: docs/rules/organizations.md "Activation by UAI": at most 5 requests a day per UAI; the
// count and the new request happen under the establishment's row lock, so processes take turns.
Result<organizations::ActivationRequested> request_activation(Services& app,
                                                              const organizations::RequestActivation& command) {
    auto requested = app.tx.write([&](UnitOfWork& uow) -> Result<organizations::ActivationRequested> {
        if (auto uai = organizations::normalize_uai(command.uai))
            uow.establishments().lock(*uai);
        NUMERIA_TRY(organizations::ActivationRequested done,
                    organizations::request_activation(command, uow.establishments(), uow.activations(), app.clock));
        enqueue_mail(uow,
                     app.mail_texts.activation(done.official_email, done.token, done.establishment_name,
                                               command.first_name + " " + command.last_name),
                     app.clock.now());
        return done;
    });
    if (requested)
        app.jobs_enqueued();
    return requested;
}

Result<organizations::ActivationConfirmed> confirm_activation(Services& app, const std::string& token,
                                                              const organizations::Actor& actor) {
    return app.tx.write([&](UnitOfWork& uow) -> Result<organizations::ActivationConfirmed> {
        return organizations::confirm_activation(token, *actor.user_id, actor.ip, uow.establishments(),
                                                 uow.organizations(), uow.memberships(), uow.activations(), uow.audit(),
                                                 app.clock);
    });
}

Result<organizations::Organization> find_organization(Services& app, organizations::OrganizationId id) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<organizations::Organization> {
        auto organization = uow.organizations().find(id);
        if (!organization)
            return fail(Error::not_found("organization.not_found"));
        return *organization;
    });
}

std::vector<organizations::Organization> list_organizations(Services& app) {
    auto all = app.tx.read([&](UnitOfWork& uow) -> Result<std::vector<organizations::Organization>> {
        return uow.organizations().list_all();
    });
    return all ? *all : std::vector<organizations::Organization>{};
}

Result<organizations::OrganizationId> create_organization(Services& app,
                                                          const organizations::CreateOrganization& command) {
    return app.tx.write([&](UnitOfWork& uow) -> Result<organizations::OrganizationId> {
        return organizations::create_organization(command, uow.organizations(), app.clock);
    });
}

} // namespace numeria::application
