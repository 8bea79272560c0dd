#include "web/pages/team_pages.hpp"

#include "application/organizations/invitation_view.hpp"
#include "application/organizations/team.hpp"
#include "organizations/use_cases/import_learners.hpp"
#include "organizations/use_cases/team.hpp"
#include "web/error_mapping.hpp"
#include "web/pages/french_format.hpp"
#include "web/pages/page.hpp"
#include "web/request_actor.hpp"
#include "web/web_app.hpp"

#include <algorithm>

namespace numeria::web {

namespace {

using organizations::Role;

std::string team_path(const Request& request) {
    return "/orga/" + std::to_string(request.organization_id) + "/equipe";
}

std::string role_label(Role role) {
    return role == Role::Admin ? "Administrateur" : "Membre";
}

// The team page; `confirm` asks to confirm a removal ("retirer", a user id) or the cancellation of
// an invitation ("annuler", an invitation id) before its POST.
Response team_page(const Request& request, WebApp& app, const std::string& message, const std::string& error,
                   const std::pair<std::string, std::string>& confirm) {
    std::string organization_name;
    mstch::array members;
    mstch::array invitations;
    std::optional<mstch::map> confirmation;
    const std::string base = team_path(request);
    if (auto team = application::view_team(app.services, request.organization_id)) {
        organization_name = team->organization.name;
        const auto admins = std::count_if(team->members.begin(), team->members.end(),
                                          [](const auto& member) { return member.role == Role::Admin; });
        for (const auto& member : team->members) {
            const bool admin = member.role == Role::Admin;
            const bool me = member.user_id == request.viewer->user_id;
            const std::string name = member.first_name + " " + member.last_name;
            // Rule: docs/rules/organizations.md "The team": the team keeps an administrator; its only one is
            // offered neither to step down nor to leave.
            members.push_back(
                mstch::map{{"user_id", std::to_string(member.user_id)},
                           {"name", name},
                           {"email", member.email},
                           {"role", role_label(member.role)},
                           {"is_admin", admin},
                           {"other_role", std::string(admin ? "MEMBER" : "ADMIN")},
                           {"other_role_label", std::string(admin ? "Passer membre" : "Passer administrateur")},
                           {"is_me", me},
                           {"sole_admin", admin && admins == 1}});
            if (confirm.first == "retirer" && confirm.second == std::to_string(member.user_id) &&
                !(admin && admins == 1))
                confirmation = mstch::map{
                    {"title", "Retirer " + name + " de l'équipe ?"},
                    {"text", std::string(me ? "Vous n'aurez plus accès à l'espace Orga de l'établissement."
                                            : name + " n'aura plus accès à l'espace Orga de l'établissement. "
                                                     "Vous pourrez l'inviter de nouveau.")},
                    {"action", base + "/membres/" + confirm.second + "/retirer"},
                    {"button", std::string("Oui, retirer de l'équipe")}};
        }
        for (const auto& invitation : team->invitations) {
            invitations.push_back(
                mstch::map{{"id", std::to_string(invitation.id)},
                           {"email", invitation.email},
                           {"role", invitation.role ? role_label(*invitation.role) : "Selon l'équipe"},
                           {"sent", paris_time(invitation.updated_at)}});
            if (confirm.first == "annuler" && confirm.second == std::to_string(invitation.id))
                confirmation = mstch::map{
                    {"title", "Annuler l'invitation de " + invitation.email + " ?"},
                    {"text", std::string("Le lien qu'elle a reçu ne fonctionnera plus. Vous pourrez l'inviter de "
                                         "nouveau.")},
                    {"action", base + "/invitations/" + confirm.second + "/annuler"},
                    {"button", std::string("Oui, annuler l'invitation")}};
        }
    }
    mstch::map context{{"csrf", request.csrf_token},
                       {"organization", organization_name},
                       {"of_organization", of_name(organization_name)},
                       {"base", base},
                       {"org_id", std::to_string(request.organization_id)},
                       {"admin", request.organization_admin},
                       {"members", members},
                       {"invitations", invitations},
                       {"has_invitations", !invitations.empty()}};
    if (confirmation && request.organization_admin)
        context.emplace("confirm", *confirmation);
    if (!message.empty())
        context.emplace("message", message);
    if (!error.empty())
        context.emplace("error", error);
    Response response;
    response.body = render_page(app, request, PageMeta{"Équipe — " + organization_name, "orga"}, "team", context);
    return response;
}

// After a change, a redirect to the team page (a reload never posts again), saying what was done
// or why it was refused.
Response after_change(const Request& request, const Status& status, const std::string& success) {
    if (!status)
        return Response::redirect(team_path(request) + "?refus=" + status.error().reason);
    return Response::redirect(team_path(request) + "?fait=" + success);
}

// Who acted, by name: an import acts alone; a deleted account leaves "compte supprimé".
std::string actor_label(const organizations::AuditEvent& event) {
    // Without an acting account: an import, or the operator's `numeria org add-member`.
    if (!event.actor)
        return event.action == "member.added" || event.action == "role.changed" ? "Exploitant (ligne de commande)"
                                                                                : "Import de la base élèves";
    return event.actor_name.empty() ? std::string("Compte supprimé") : event.actor_name;
}

// Role codes of the stored details ("MEMBER→ADMIN") in words.
std::string role_words(std::string detail) {
    for (const auto& [code, word] : {std::pair<std::string, std::string>{"ADMIN", "administrateur"},
                                     std::pair<std::string, std::string>{"MEMBER", "membre"}})
        for (std::size_t at = detail.find(code); at != std::string::npos; at = detail.find(code, at + word.size()))
            detail.replace(at, code.size(), word);
    return detail.find("→") != std::string::npos ? "de " + detail.replace(detail.find("→"), 3, " à ") : detail;
}

std::int64_t id_param(const Request& request, const std::string& name) {
    const std::string& raw = request.params.at(name);
    if (raw.empty() || raw.size() > 18 || raw.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    return std::stoll(raw);
}

} // namespace

Response get_team(const Request& request, WebApp& app) {
    static const std::map<std::string, std::string> done = {
        {"invitation", "L'invitation a été envoyée."},      {"renvoi", "L'invitation a été renvoyée."},
        {"annulation", "L'invitation a été annulée."},      {"role", "Le rôle a été modifié."},
        {"retrait", "Le membre a été retiré de l'équipe."},
    };
    auto found = done.find(request.query_param("fait").value_or(""));
    const std::string refused = request.query_param("refus").value_or("");
    std::pair<std::string, std::string> confirm;
    for (const char* action : {"retirer", "annuler"})
        if (auto id = request.query_param(action);
            id && !id->empty() && id->size() < 19 && id->find_first_not_of("0123456789") == std::string::npos)
            confirm = {action, *id};
    return team_page(request, app, found == done.end() ? "" : found->second,
                     refused.empty() ? "" : french_message(refused), confirm);
}

Response post_invitation(const Request& request, WebApp& app) {
    auto sent = application::invite_member(app.services, request.organization_id, request.field("email"),
                                           organizations::parse_role(request.field("role")), actor_of(request),
                                           viewer_name(request));
    return after_change(request, sent ? Status{} : Status(fail(sent.error())), "invitation");
}

Response post_resend_invitation(const Request& request, WebApp& app) {
    auto sent =
        application::resend_invitation(app.services, request.organization_id, id_param(request, "invitation_id"),
                                       actor_of(request), viewer_name(request));
    return after_change(request, sent ? Status{} : Status(fail(sent.error())), "renvoi");
}

Response post_cancel_invitation(const Request& request, WebApp& app) {
    Status status = application::cancel_invitation(app.services, request.organization_id,
                                                   id_param(request, "invitation_id"), actor_of(request));
    return after_change(request, status, "annulation");
}

Response post_member_role(const Request& request, WebApp& app) {
    std::optional<Role> role = organizations::parse_role(request.field("role"));
    if (!role)
        return after_change(request, Status(fail(Error::rule("membership.role_invalid"))), "");
    Status status = application::change_role(app.services, request.organization_id, id_param(request, "user_id"), *role,
                                             actor_of(request));
    return after_change(request, status, "role");
}

Response post_remove_member(const Request& request, WebApp& app) {
    Status status = application::remove_member(app.services, request.organization_id, id_param(request, "user_id"),
                                               actor_of(request));
    return after_change(request, status, "retrait");
}

Response get_audit_log(const Request& request, WebApp& app) {
    static const std::map<std::string, std::string> actions = {
        {"activation", "Activation de l'espace"},
        {"invitation.sent", "Invitation envoyée"},
        {"invitation.resent", "Invitation renvoyée"},
        {"invitation.cancelled", "Invitation annulée"},
        {"invitation.accepted", "Invitation acceptée"},
        {"role.changed", "Rôle modifié"},
        {"member.removed", "Membre retiré"},
        {"member.added", "Membre ajouté par l'exploitant"},
        {organizations::ACCOUNT_LINKED_ELSEWHERE, "Compte d'élève rattaché dans un autre établissement"},
        {"learner.account_dissociated", "Compte dissocié d'un élève"},
        {"credentials.batch", "Identifiants d'une classe générés"},
        {"credentials.created", "Compte d'élève créé avec un mot de passe provisoire"},
        {"credentials.reset", "Mot de passe provisoire donné à un élève"},
    };
    mstch::array events;
    std::string organization_name;
    if (auto log = application::view_audit_log(app.services, request.organization_id, 200)) {
        organization_name = log->organization.name;
        for (const auto& event : log->events) {
            auto label = actions.find(event.action);
            events.push_back(mstch::map{{"when", paris_time(event.at)},
                                        {"action", label == actions.end() ? event.action : label->second},
                                        {"actor", actor_label(event)},
                                        {"target", event.target_name.empty() ? event.target : event.target_name},
                                        {"detail", role_words(event.detail)},
                                        {"ip", event.ip}});
        }
    }
    Response response;
    response.body = render_page(app, request, PageMeta{"Journal — " + organization_name, "orga"}, "audit_log",
                                mstch::map{{"organization", organization_name},
                                           {"of_organization", of_name(organization_name)},
                                           {"base", team_path(request)},
                                           {"events", events},
                                           {"has_events", !events.empty()}});
    return response;
}

namespace {

// The invitation page: what the person is invited to, before they accept (docs/rules/organizations.md
// "Invitations"), or why the link no longer works.
Response invitation_page(const Request& request, WebApp& app, int status, const std::string& token,
                         const std::string& error) {
    mstch::map context{{"csrf", request.csrf_token}, {"token", token}};
    auto invitation = application::view_invitation(app.services, token);
    if (invitation) {
        const std::string inviter = invitation->inviter_first_name + " " + invitation->inviter_last_name;
        context.emplace("valid", true);
        context.emplace("organization", invitation->organization_name);
        const std::string of = of_name(invitation->organization_name);
        context.emplace("organization_article", of.substr(0, of.size() - invitation->organization_name.size()));
        context.emplace("role", std::string(invitation->role == Role::Admin ? "administrateur" : "membre"));
        context.emplace("as_role", std::string(invitation->role == Role::Admin ? "qu'administrateur" : "que membre"));
        if (!invitation->inviter_first_name.empty() || !invitation->inviter_last_name.empty())
            context.emplace("inviter", inviter);
    } else if (error.empty()) {
        status = http_status(invitation.error().code);
        context.emplace("error", french_message(invitation.error().reason));
    }
    if (!error.empty())
        context.emplace("error", error);
    Response response;
    response.status = status;
    response.body = render_page(app, request, PageMeta{"Invitation", "orga"}, "invitation", context);
    return response;
}

} // namespace

Response get_invitation(const Request& request, WebApp& app) {
    return invitation_page(request, app, 200, request.query_param("jeton").value_or(""), "");
}

Response post_accept_invitation(const Request& request, WebApp& app) {
    auto accepted = application::accept_invitation(app.services, request.field("jeton"), actor_of(request));
    if (!accepted)
        return invitation_page(request, app, http_status(accepted.error().code), request.field("jeton"),
                               french_message(accepted.error().reason));
    return Response::redirect("/orga/" + std::to_string(*accepted) + "/equipe");
}

} // namespace numeria::web
