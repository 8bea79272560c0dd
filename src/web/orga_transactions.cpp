#include "web/orga_transactions.hpp"

#include "storage/organizations/sql_organization_repositories.hpp"
#include "storage/organizations/sql_team_repositories.hpp"
#include "web/mail_messages.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

Error mail_not_sent() {
    return Error{ErrorCode::Unavailable, "mail.not_sent", {}};
}

std::string viewer_name(const Request& request) {
    return request.viewer ? request.viewer->first_name + " " + request.viewer->last_name : std::string();
}

} // namespace

organizations::Actor actor_of(const Request& request) {
    return organizations::Actor{request.viewer ? std::optional<identity::UserId>(request.viewer->user_id)
                                               : std::nullopt,
                                request.remote_address};
}

Result<organizations::ActivationRequested> run_request_activation(WebApp& app, const Request& request,
                                                                  const organizations::RequestActivation& command) {
    Result<organizations::ActivationRequested> requested = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlEstablishmentRepository establishments(sql);
        storage::SqlActivationRepository activations(sql);
        requested = organizations::request_activation(command, establishments, activations, app.clock);
    });
    if (!requested)
        return requested;
    const Mail mail = activation_mail(app, requested->official_email, requested->token, requested->establishment_name,
                                      command.first_name + " " + command.last_name);
    if (!send_mail(app, request, mail))
        return fail(mail_not_sent());
    return requested;
}

Result<organizations::ActivationConfirmed> run_confirm_activation(WebApp& app, const Request& request,
                                                                  const std::string& token) {
    Result<organizations::ActivationConfirmed> confirmed = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlEstablishmentRepository establishments(sql);
        storage::SqlOrganizationRepository organizations(sql);
        storage::SqlMembershipRepository memberships(sql);
        storage::SqlActivationRepository activations(sql);
        storage::SqlAuditLog audit(sql);
        confirmed =
            organizations::confirm_activation(token, request.viewer->user_id, request.remote_address, establishments,
                                              organizations, memberships, activations, audit, app.clock);
    });
    return confirmed;
}

template <typename Run>
Result<organizations::InvitationSent> send_invitation(WebApp& app, const Request& request, Run run) {
    Result<organizations::InvitationSent> sent = fail(Error::invalid("unset"));
    std::string organization_name;
    app.database.write([&](soci::session& sql) {
        storage::SqlInvitationRepository invitations(sql);
        storage::SqlAuditLog audit(sql);
        storage::SqlOrganizationRepository organizations(sql);
        organization_name = organizations.find(request.organization_id)->name;
        sent = run(invitations, audit);
    });
    if (!sent)
        return sent;
    const Mail mail =
        invitation_mail(app, sent->invitation.email, sent->token, organization_name, viewer_name(request));
    if (!send_mail(app, request, mail))
        return fail(mail_not_sent());
    return sent;
}

Result<organizations::InvitationSent> run_invite_member(WebApp& app, const Request& request, const std::string& email,
                                                        std::optional<organizations::Role> role) {
    return send_invitation(app, request, [&](auto& invitations, auto& audit) {
        return organizations::invite_member(request.organization_id, email, role, actor_of(request), invitations, audit,
                                            app.clock);
    });
}

Result<organizations::InvitationSent> run_resend_invitation(WebApp& app, const Request& request,
                                                            organizations::InvitationId id) {
    return send_invitation(app, request, [&](auto& invitations, auto& audit) {
        return organizations::resend_invitation(request.organization_id, id, actor_of(request), invitations, audit,
                                                app.clock);
    });
}

Result<organizations::OrganizationId> run_accept_invitation(WebApp& app, const Request& request,
                                                            const std::string& token) {
    Result<organizations::OrganizationId> accepted = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlInvitationRepository invitations(sql);
        storage::SqlMembershipRepository memberships(sql);
        storage::SqlAuditLog audit(sql);
        accepted =
            organizations::accept_invitation(token, actor_of(request), invitations, memberships, audit, app.clock);
    });
    return accepted;
}

Status run_team_change(WebApp& app, const TeamChange& change) {
    Status status = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlMembershipRepository memberships(sql);
        storage::SqlInvitationRepository invitations(sql);
        storage::SqlAuditLog audit(sql);
        status = change(memberships, invitations, audit);
    });
    return status;
}

} // namespace numeria::web
