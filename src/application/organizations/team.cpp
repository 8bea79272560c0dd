#include "application/organizations/team.hpp"

#include "application/mail_outbox.hpp"

namespace numeria::application {

namespace {

using organizations::InvitationSent;
using organizations::OrganizationId;

// Runs an invitation use case and enqueues its mail in the same transaction.
template <typename Invite>
Result<InvitationSent> invitation_with_mail(Services& app, OrganizationId id, const std::string& inviter,
                                            Invite invite) {
    Result<InvitationSent> sent = app.tx.write([&](UnitOfWork& uow) -> Result<InvitationSent> {
        auto organization = uow.organizations().find(id);
        if (!organization)
            return fail(Error::not_found("organization.not_found"));
        NUMERIA_TRY(InvitationSent done, invite(uow));
        enqueue_mail(uow, app.mail_texts.invitation(done.invitation.email, done.token, organization->name, inviter),
                     app.clock.now());
        return done;
    });
    if (sent)
        app.jobs_enqueued();
    return sent;
}

} // namespace

Result<InvitationSent> invite_member(Services& app, OrganizationId id, const std::string& email,
                                     std::optional<organizations::Role> role, const organizations::Actor& actor,
                                     const std::string& inviter) {
    return invitation_with_mail(app, id, inviter, [&](UnitOfWork& uow) {
        return organizations::invite_member(id, email, role, actor, uow.invitations(), uow.audit(), app.clock);
    });
}

Result<InvitationSent> resend_invitation(Services& app, OrganizationId id, organizations::InvitationId invitation,
                                         const organizations::Actor& actor, const std::string& inviter) {
    return invitation_with_mail(app, id, inviter, [&](UnitOfWork& uow) {
        return organizations::resend_invitation(id, invitation, actor, uow.invitations(), uow.audit(), app.clock);
    });
}

Status cancel_invitation(Services& app, OrganizationId id, organizations::InvitationId invitation,
                         const organizations::Actor& actor) {
    return app.tx.write([&](UnitOfWork& uow) -> Status {
        return organizations::cancel_invitation(id, invitation, actor, uow.invitations(), uow.audit(), app.clock);
    });
}

Result<OrganizationId> accept_invitation(Services& app, const std::string& token, const organizations::Actor& actor) {
    return app.tx.write([&](UnitOfWork& uow) -> Result<OrganizationId> {
        return organizations::accept_invitation(token, actor, uow.invitations(), uow.memberships(), uow.audit(),
                                                app.clock);
    });
}

// Rule: docs/rules/organizations.md "The team": the check and the write happen under the
// organisation's row lock, so two concurrent demotions cannot both see "another admin remains".
Status change_role(Services& app, OrganizationId id, identity::UserId user, organizations::Role role,
                   const organizations::Actor& actor) {
    return app.tx.write([&](UnitOfWork& uow) -> Status {
        uow.memberships().lock_team(id);
        return organizations::change_role(id, user, role, actor, uow.memberships(), uow.audit(), app.clock);
    });
}

Status remove_member(Services& app, OrganizationId id, identity::UserId user, const organizations::Actor& actor) {
    return app.tx.write([&](UnitOfWork& uow) -> Status {
        uow.memberships().lock_team(id);
        return organizations::remove_member(id, user, actor, uow.memberships(), uow.audit(), app.clock);
    });
}

Result<TeamView> view_team(Services& app, OrganizationId id) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<TeamView> {
        auto organization = uow.organizations().find(id);
        if (!organization)
            return fail(Error::not_found("organization.not_found"));
        return TeamView{*organization, uow.memberships().list_members(id), uow.invitations().list_pending(id)};
    });
}

Result<AuditView> view_audit_log(Services& app, OrganizationId id, int limit) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<AuditView> {
        auto organization = uow.organizations().find(id);
        if (!organization)
            return fail(Error::not_found("organization.not_found"));
        return AuditView{*organization, uow.audit().list(id, limit)};
    });
}

} // namespace numeria::application
