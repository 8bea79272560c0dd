#include "web/api/api_accounts.hpp"

#include "application/identity/accounts.hpp"
#include "application/organizations/team.hpp"
#include "identity/use_cases/sessions.hpp"
#include "organizations/use_cases/activate_school.hpp"
#include "organizations/use_cases/manage_organizations.hpp"
#include "organizations/use_cases/team.hpp"
#include "web/api/api_support.hpp"
#include "web/mail_messages.hpp"
#include "web/request_actor.hpp"
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
    Status signed_up = application::sign_up(app.services, command, request.remote_address);
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
    application::close_session(app.services, request.session_token);
    return Response::json(204, "");
}

Response api_post_my_password(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    Status changed = application::change_password(app.services, request.viewer->user_id, request.session_token,
                                                  text(*body, "password"));
    if (!changed)
        return error_json(changed.error());
    return Response::json(204, "");
}

Response api_post_password_reset(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    application::request_password_reset(app.services, text(*body, "email"), request.remote_address);
    // The same answer whether an account exists or not.
    return Response::json(202,
                          json{{"status", "accepted"}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_activation(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    organizations::RequestActivation command{text(*body, "uai"), text(*body, "first_name"), text(*body, "last_name")};
    auto requested = application::request_activation(app.services, command);
    if (!requested)
        return error_json(requested.error());
    return Response::json(202, json{{"establishment", requested->establishment_name}}.dump(
                                   -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_activation_confirm(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto confirmed = application::confirm_activation(app.services, text(*body, "token"), actor_of(request));
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
    auto accepted = application::accept_invitation(app.services, text(*body, "token"), actor_of(request));
    if (!accepted)
        return error_json(accepted.error());
    return Response::json(
        200, json{{"organization_id", *accepted}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_invitation_resend(const Request& request, WebApp& app) {
    auto sent =
        application::resend_invitation(app.services, request.organization_id, id_param(request, "invitation_id"),
                                       actor_of(request), viewer_name(request));
    return no_content_or_error(sent ? Status{} : Status(fail(sent.error())));
}

Response api_delete_invitation(const Request& request, WebApp& app) {
    return no_content_or_error(application::cancel_invitation(app.services, request.organization_id,
                                                              id_param(request, "invitation_id"), actor_of(request)));
}

Response api_patch_member(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto role = organizations::parse_role(text(*body, "role"));
    if (!role)
        return error_json(400, "membership.role_invalid", french_message("membership.role_invalid"));
    return no_content_or_error(application::change_role(app.services, request.organization_id,
                                                        id_param(request, "user_id"), *role, actor_of(request)));
}

Response api_delete_member(const Request& request, WebApp& app) {
    return no_content_or_error(application::remove_member(app.services, request.organization_id,
                                                          id_param(request, "user_id"), actor_of(request)));
}

Response api_get_audit_events(const Request& request, WebApp& app) {
    json list = json::array();
    auto log = application::view_audit_log(app.services, request.organization_id, 500);
    if (!log)
        return error_json(log.error());
    for (const auto& event : log->events)
        list.push_back({{"action", event.action},
                        {"actor_user_id", event.actor ? json(*event.actor) : json(nullptr)},
                        {"target", event.target},
                        {"detail", event.detail},
                        {"ip", event.ip},
                        {"at", event.at}});
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_admin_organizations(const Request& /*request*/, WebApp& app) {
    json list = json::array();
    for (const auto& organization : application::list_organizations(app.services))
        list.push_back(organization_json(organization));
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_admin_organization(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    auto type = organizations::parse_type(text(*body, "type"));
    if (!type)
        return error_json(400, "organization.type_invalid", "Type d'organisation inconnu : SCO, SCO-AGRI, SUP ou PRO.");
    Result<organizations::OrganizationId> created =
        application::create_organization(app.services, {*type, text(*body, "name"), text(*body, "uai")});
    if (!created)
        return error_json(created.error());
    return Response::json(201, json{{"id", *created}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace numeria::web
