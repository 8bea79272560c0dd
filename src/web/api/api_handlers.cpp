#include "web/api/api_handlers.hpp"

#include "identity/use_cases/log_in.hpp"
#include "identity/use_cases/sessions.hpp"
#include "organizations/use_cases/team.hpp"
#include "storage/identity/sql_session_repository.hpp"
#include "storage/identity/sql_throttle_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "storage/organizations/sql_organization_repositories.hpp"
#include "storage/organizations/sql_team_repositories.hpp"
#include "web/api/api_support.hpp"
#include "web/api/openapi.hpp"
#include "web/error_mapping.hpp"
#include "web/identity_transactions.hpp"
#include "web/orga_transactions.hpp"
#include "web/web_app.hpp"

#include <nlohmann/json.hpp>

namespace numeria::web {

namespace {

using nlohmann::json;

using api::body_json;
using api::error_json;
using api::invalid_body;
using api::text;

} // namespace

Response api_post_token(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    identity::LogIn command{text(*body, "login"), text(*body, "password"), request.remote_address};
    Result<identity::LoggedIn> logged = run_log_in(app, request, command);
    identity::OpenedSession opened;
    if (logged) {
        app.database.write([&](soci::session& sql) {
            storage::SqlSessionRepository sessions(sql);
            opened = identity::open_session(logged->user_id, sessions, app.clock, identity::API_TOKEN_LIFETIME_MS);
        });
    }
    if (!logged && logged.error().reason == "login.blocked")
        return error_json(429, "login.blocked", "Trop de tentatives de connexion. Réessayez plus tard.");
    if (!logged)
        return error_json(logged.error());
    return Response::json(200, json{{"access_token", opened.token},
                                    {"token_type", "Bearer"},
                                    {"expires_in", identity::API_TOKEN_LIFETIME_MS / 1000},
                                    {"must_change_password", logged->must_change_password}}
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_me(const Request& request, WebApp& app) {
    json me;
    app.database.read([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        auto user = users.find(request.viewer->user_id);
        me = {{"id", user->id},
              {"first_name", user->first_name},
              {"last_name", user->last_name},
              {"email", user->email ? json(*user->email) : json(nullptr)},
              {"username", user->username ? json(*user->username) : json(nullptr)}};
    });
    return Response::json(200, me.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_organizations(const Request& request, WebApp& app) {
    json list = json::array();
    app.database.read([&](soci::session& sql) {
        storage::SqlMembershipRepository memberships(sql);
        for (const auto& [organization, role] : memberships.list_for_user(request.viewer->user_id))
            list.push_back({{"id", organization.id},
                            {"name", organization.name},
                            {"type", organizations::type_code(organization.type)},
                            {"role", organizations::role_code(role)}});
    });
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_members(const Request& request, WebApp& app) {
    json list = json::array();
    app.database.read([&](soci::session& sql) {
        storage::SqlMembershipRepository memberships(sql);
        for (const auto& member : memberships.list_members(request.organization_id))
            list.push_back({{"user_id", member.user_id},
                            {"first_name", member.first_name},
                            {"last_name", member.last_name},
                            {"email", member.email},
                            {"role", organizations::role_code(member.role)}});
    });
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_invitations(const Request& request, WebApp& app) {
    json list = json::array();
    app.database.read([&](soci::session& sql) {
        storage::SqlInvitationRepository invitations(sql);
        for (const auto& invitation : invitations.list_pending(request.organization_id))
            list.push_back(
                {{"id", invitation.id},
                 {"email", invitation.email},
                 {"role", invitation.role ? json(organizations::role_code(*invitation.role)) : json(nullptr)},
                 {"expires_at", invitation.expires_at}});
    });
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_post_invitation(const Request& request, WebApp& app) {
    auto body = body_json(request);
    if (!body)
        return invalid_body();
    std::optional<organizations::Role> role;
    if (const std::string raw = text(*body, "role"); !raw.empty()) {
        role = organizations::parse_role(raw);
        if (!role)
            return error_json(400, "membership.role_invalid", french_message("membership.role_invalid"));
    }
    auto sent = run_invite_member(app, request, text(*body, "email"), role);
    if (!sent)
        return error_json(sent.error());
    return Response::json(201, json{{"id", sent->invitation.id},
                                    {"email", sent->invitation.email},
                                    {"role", role ? json(organizations::role_code(*role)) : json(nullptr)},
                                    {"expires_at", sent->invitation.expires_at}}
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_openapi(const Request& /*request*/, WebApp& app) {
    Response response = Response::json(200, openapi_document(app.router, app.config.version));
    response.set_header("Cache-Control", "public, no-cache");
    return response;
}

} // namespace numeria::web
