#include "web/api/api_accounts.hpp"

#include "identity/use_cases/sessions.hpp"
#include "organizations/use_cases/activate_school.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "organizations/use_cases/team.hpp"
#include "storage/identity/sql_session_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "storage/organizations/sql_team_repositories.hpp"
#include "web/api/api_support.hpp"
#include "web/identity_transactions.hpp"
#include "web/mail_messages.hpp"
#include "web/orga_transactions.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

namespace {

using api::body_json;
using api::error_json;
using api::id_param;
using api::invalid_body;
using api::text;
using nlohmann::json;

json organization_json(const organizations::Organization& organization) {
    return {{"id", organization.id},
            {"name", organization.name},
            {"type", organizations::type_code(organization.type)},
            {"uai", organization.uai ? json(*organization.uai) : json(nullptr)},
            {"manages_students", organization.manages_students}};
}

// 204 for a change that went through, the JSON error otherwise.
Response no_content_or_error(const Status& status) {
    if (!status)
        return error_json(status.error());
    return Response::json(204, "");
}

} // namespace

Response api_post_user(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    const bool accepts = body->contains("accepts_terms") && (*body)["accepts_terms"].is_boolean() &&
                         (*body)["accepts_terms"].get<bool>();
    identity::SignUp command{text(*body, "first_name"), text(*body, "last_name"), text(*body, "email"),
                             text(*body, "password"), accepts};
    Status signed_up = run_sign_up(app, request, command);
    if (!signed_up && signed_up.error().reason == "sign_up.too_many")
        return error_json(429, "sign_up.too_many", french_message("sign_up.too_many"));
    if (!signed_up)
        return error_json(signed_up.error());
    // Rule: docs/rules/security.md, "Log-in timing": 202 {"status":"accepted"} whether the address
    // was free (account created, welcome mail) or taken (nothing created, the owner is mailed).
    return Response::json(202,
                          json{{"status", "accepted"}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_logout(const Request& request, WebApp& app) {
    app.database.write([&](soci::session& sql) {
        storage::SqlSessionRepository sessions(sql);
        identity::close_session(request.session_token, sessions, app.clock);
    });
    return Response::json(204, "");
}

Response api_post_my_password(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    Status changed = run_change_password(app, request, text(*body, "password"));
    if (!changed)
        return error_json(changed.error());
    return Response::json(204, "");
}

Response api_post_password_reset(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    run_request_password_reset(app, request, text(*body, "email"));
    // The same answer whether an account exists or not.
    return Response::json(202,
                          json{{"status", "accepted"}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_activation(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    organizations::RequestActivation command{text(*body, "uai"), text(*body, "first_name"), text(*body, "last_name")};
    auto requested = run_request_activation(app, request, command);
    if (!requested)
        return error_json(requested.error());
    return Response::json(202, json{{"establishment", requested->establishment_name}}.dump(
                                   -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_activation_confirm(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto confirmed = run_confirm_activation(app, request, text(*body, "token"));
    if (!confirmed)
        return error_json(confirmed.error());
    return Response::json(200,
                          json{{"organization_id", confirmed->organization_id}, {"created", confirmed->created}}.dump(
                              -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_invitation_accept(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto accepted = run_accept_invitation(app, request, text(*body, "token"));
    if (!accepted)
        return error_json(accepted.error());
    return Response::json(
        200, json{{"organization_id", *accepted}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_invitation_resend(const Request& request, WebApp& app) {
    auto sent = run_resend_invitation(app, request, id_param(request, "invitation_id"));
    return no_content_or_error(sent ? Status{} : Status(fail(sent.error())));
}

Response api_delete_invitation(const Request& request, WebApp& app) {
    return no_content_or_error(run_team_change(app, [&](auto&, auto& invitations, auto& audit) {
        return organizations::cancel_invitation(request.organization_id, id_param(request, "invitation_id"),
                                                actor_of(request), invitations, audit, app.clock);
    }));
}

Response api_patch_member(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto role = organizations::parse_role(text(*body, "role"));
    if (!role)
        return error_json(400, "membership.role_invalid", french_message("membership.role_invalid"));
    return no_content_or_error(run_team_change(app, [&](auto& memberships, auto&, auto& audit) {
        return organizations::change_role(request.organization_id, id_param(request, "user_id"), *role,
                                          actor_of(request), memberships, audit, app.clock);
    }));
}

Response api_delete_member(const Request& request, WebApp& app) {
    return no_content_or_error(run_team_change(app, [&](auto& memberships, auto&, auto& audit) {
        return organizations::remove_member(request.organization_id, id_param(request, "user_id"), actor_of(request),
                                            memberships, audit, app.clock);
    }));
}

Response api_get_audit_events(const Request& request, WebApp& app) {
    json list = json::array();
    app.database.read([&](soci::session& sql) {
        storage::SqlAuditLog audit(sql);
        for (const auto& event : audit.list(request.organization_id, 500))
            list.push_back({{"action", event.action},
                            {"actor_user_id", event.actor ? json(*event.actor) : json(nullptr)},
                            {"target", event.target},
                            {"detail", event.detail},
                            {"ip", event.ip},
                            {"at", event.at}});
    });
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_admin_organizations(const Request& /*request*/, WebApp& app) {
    json list = json::array();
    app.database.read([&](soci::session& sql) {
        storage::SqlOrganizationRepository organizations(sql);
        for (const auto& organization : organizations.list_all())
            list.push_back(organization_json(organization));
    });
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_admin_organization(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto type = organizations::parse_type(text(*body, "type"));
    if (!type)
        return error_json(400, "organization.type_invalid", "Type d'organisation inconnu : SCO, SCO-AGRI, SUP ou PRO.");
    Result<organizations::OrganizationId> created = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlOrganizationRepository organizations(sql);
        created = organizations::create_organization({*type, text(*body, "name"), text(*body, "uai")}, organizations,
                                                     app.clock);
    });
    if (!created)
        return error_json(created.error());
    return Response::json(201, json{{"id", *created}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace numeria::web
