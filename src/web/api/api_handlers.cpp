#include "web/api/api_handlers.hpp"

#include "application/identity/accounts.hpp"
#include "application/organizations/team.hpp"
#include "identity/use_cases/log_in.hpp"
#include "identity/use_cases/sessions.hpp"
#include "organizations/use_cases/team.hpp"
#include "web/api/api_support.hpp"
#include "web/api/openapi.hpp"
#include "web/error_mapping.hpp"
#include "web/request_actor.hpp"
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
    Result<identity::LoggedIn> logged = application::log_in(app.services, command);
    identity::OpenedSession opened;
    if (logged)
        opened = application::open_session(app.services, logged->user_id, identity::API_TOKEN_LIFETIME_MS);
    if (!logged && logged.error().reason == "login.blocked")
        return error_json(429, "login.blocked", french_message("login.blocked"));
    if (!logged)
        return error_json(logged.error());
    return Response::json(200, json{{"access_token", opened.token},
                                    {"token_type", "Bearer"},
                                    {"expires_in", identity::API_TOKEN_LIFETIME_MS / 1000},
                                    {"must_change_password", logged->must_change_password}}
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_me(const Request& request, WebApp& app) {
    auto user = application::find_user(app.services, request.viewer->user_id);
    if (!user)
        return error_json(user.error());
    const json me = {{"id", user->id},
                     {"first_name", user->first_name},
                     {"last_name", user->last_name},
                     {"email", user->email ? json(*user->email) : json(nullptr)},
                     {"username", user->username ? json(*user->username) : json(nullptr)}};
    return Response::json(200, me.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_organizations(const Request& request, WebApp& /*app*/) {
    json list = json::array();
    for (const application::ViewerMembership& membership : request.viewer->memberships)
        if (!membership.archived)
            list.push_back({{"id", membership.organization_id},
                            {"name", membership.name},
                            {"type", organizations::type_code(membership.type)},
                            {"role", organizations::role_code(membership.role)}});
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_members(const Request& request, WebApp& app) {
    json list = json::array();
    auto team = application::view_team(app.services, request.organization_id);
    if (!team)
        return error_json(team.error());
    for (const auto& member : team->members)
        list.push_back({{"user_id", member.user_id},
                        {"first_name", member.first_name},
                        {"last_name", member.last_name},
                        {"email", member.email},
                        {"role", organizations::role_code(member.role)}});
    return Response::json(200, json{{"data", list}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response api_get_invitations(const Request& request, WebApp& app) {
    json list = json::array();
    auto team = application::view_team(app.services, request.organization_id);
    if (!team)
        return error_json(team.error());
    for (const auto& invitation : team->invitations)
        list.push_back({{"id", invitation.id},
                        {"email", invitation.email},
                        {"role", invitation.role ? json(organizations::role_code(*invitation.role)) : json(nullptr)},
                        {"expires_at", invitation.expires_at}});
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
    auto sent = application::invite_member(app.services, request.organization_id, text(*body, "email"), role,
                                           actor_of(request), viewer_name(request));
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
