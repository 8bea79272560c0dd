// routes.cpp: every URL of Numeria, who may call it, and the handler it runs. Handlers live in
// web/pages/ (HTML) and web/api/ (JSON); nothing else registers routes (ARCHITECTURE.md).
#include "web/routes.hpp"

#include "organizations/use_cases/import_learners.hpp"
#include "web/api/api_accounts.hpp"
#include "web/api/api_handlers.hpp"
#include "web/api/api_learning.hpp"
#include "web/pages/account_pages.hpp"
#include "web/pages/activation_pages.hpp"
#include "web/pages/admin_pages.hpp"
#include "web/pages/content_pages.hpp"
#include "web/pages/home_page.hpp"
#include "web/pages/legal_pages.hpp"
#include "web/pages/password_reset_pages.hpp"
#include "web/pages/students_pages.hpp"
#include "web/pages/system_pages.hpp"
#include "web/pages/team_pages.hpp"

namespace numeria::web {

namespace {

// A route that never looks at the session: no database read before its handler.
Route sessionless(Route route) {
    route.reads_session = false;
    return route;
}

// A route a user must still reach while their password must be changed.
Route before_password_change(Route route) {
    route.before_password_change = true;
    return route;
}

} // namespace

void register_routes(Router& router) {
    using enum Method;
    using enum Access;

    // Operations
    router.add(sessionless({Get, "/healthz", Anonymous, DEFAULT_BODY_LIMIT, get_healthz, ""}));
    router.add(sessionless({Get, "/metrics", Anonymous, DEFAULT_BODY_LIMIT, get_metrics, ""}));
    router.add(sessionless({Get, "/assets/:mount/*path", Anonymous, DEFAULT_BODY_LIMIT, get_asset, ""}));
    router.add(sessionless({Get, "/static/:mount/*path", Anonymous, DEFAULT_BODY_LIMIT, get_asset, ""}));

    // Public pages
    router.add({Get, "/", Anonymous, DEFAULT_BODY_LIMIT, get_home, ""});
    router.add({Get, "/mon-espace", Anonymous, DEFAULT_BODY_LIMIT, get_space, ""});
    router.add({Get, "/orga", Anonymous, DEFAULT_BODY_LIMIT, get_space, ""});
    router.add({Get, "/certif", Anonymous, DEFAULT_BODY_LIMIT, get_space, ""});
    router.add({Get, "/conditions-utilisation", Anonymous, DEFAULT_BODY_LIMIT, get_terms, ""});
    router.add({Get, "/accessibilite", Anonymous, DEFAULT_BODY_LIMIT, get_accessibility_statement, ""});
    router.add({Get, "/mentions-legales", Anonymous, DEFAULT_BODY_LIMIT, get_legal_notice, ""});
    router.add({Get, "/donnees-personnelles", Anonymous, DEFAULT_BODY_LIMIT, get_personal_data, ""});

    // Accounts
    router.add({Get, "/inscription", Anonymous, DEFAULT_BODY_LIMIT, get_sign_up, ""});
    router.add({Post, "/inscription", Anonymous, DEFAULT_BODY_LIMIT, post_sign_up, ""});
    router.add({Get, "/connexion", Anonymous, DEFAULT_BODY_LIMIT, get_log_in, ""});
    router.add({Post, "/connexion", Anonymous, DEFAULT_BODY_LIMIT, post_log_in, ""});
    router.add({Get, "/connexion/debloquer", Anonymous, DEFAULT_BODY_LIMIT, get_account_unlock, ""});
    router.add({Post, "/connexion/debloquer", Anonymous, DEFAULT_BODY_LIMIT, post_account_unlock, ""});
    router.add(before_password_change({Post, "/deconnexion", Learner, DEFAULT_BODY_LIMIT, post_log_out, ""}));
    router.add(
        before_password_change({Get, "/mot-de-passe/changer", Learner, DEFAULT_BODY_LIMIT, get_change_password, ""}));
    router.add(
        before_password_change({Post, "/mot-de-passe/changer", Learner, DEFAULT_BODY_LIMIT, post_change_password, ""}));
    // JSON API; described at /api/v1/openapi.json
    router.add({Get, "/api/v1/openapi.json", Anonymous, DEFAULT_BODY_LIMIT, api_get_openapi, ""});
    router.add({Post, "/api/v1/auth/token", Anonymous, DEFAULT_BODY_LIMIT, api_post_token, ""});
    router.add({Get, "/api/v1/me", Learner, DEFAULT_BODY_LIMIT, api_get_me, ""});
    router.add({Get, "/api/v1/me/profile", Learner, DEFAULT_BODY_LIMIT, api_get_profile, ""});
    router.add(
        {Post, "/api/v1/me/competence-evaluations", Learner, DEFAULT_BODY_LIMIT, api_post_competence_evaluation, ""});
    router.add(
        {Get, "/api/v1/assessments/:assessment_id/next", Learner, DEFAULT_BODY_LIMIT, api_get_next_challenge, ""});
    router.add({Post, "/api/v1/assessments/:assessment_id/answers", Learner, DEFAULT_BODY_LIMIT, api_post_answer, ""});
    router.add({Get, "/api/v1/organizations", Learner, DEFAULT_BODY_LIMIT, api_get_organizations, ""});
    router.add({Get, "/api/v1/organizations/:org_id/members", Member, DEFAULT_BODY_LIMIT, api_get_members, ""});
    router.add(
        {Get, "/api/v1/organizations/:org_id/invitations", OrgAdmin, DEFAULT_BODY_LIMIT, api_get_invitations, ""});
    router.add(
        {Post, "/api/v1/organizations/:org_id/invitations", OrgAdmin, DEFAULT_BODY_LIMIT, api_post_invitation, ""});
    router.add({Post, "/api/v1/organizations/:org_id/invitations/:invitation_id/resend", OrgAdmin, DEFAULT_BODY_LIMIT,
                api_post_invitation_resend, ""});
    router.add({Delete, "/api/v1/organizations/:org_id/invitations/:invitation_id", OrgAdmin, DEFAULT_BODY_LIMIT,
                api_delete_invitation, ""});
    router.add(
        {Patch, "/api/v1/organizations/:org_id/members/:user_id", OrgAdmin, DEFAULT_BODY_LIMIT, api_patch_member, ""});
    router.add({Delete, "/api/v1/organizations/:org_id/members/:user_id", OrgAdmin, DEFAULT_BODY_LIMIT,
                api_delete_member, ""});
    router.add(
        {Get, "/api/v1/organizations/:org_id/audit-events", OrgAdmin, DEFAULT_BODY_LIMIT, api_get_audit_events, ""});
    router.add({Post, "/api/v1/users", Anonymous, DEFAULT_BODY_LIMIT, api_post_user, ""});
    router.add(before_password_change({Post, "/api/v1/auth/logout", Learner, DEFAULT_BODY_LIMIT, api_post_logout, ""}));
    router.add(
        before_password_change({Post, "/api/v1/me/password", Learner, DEFAULT_BODY_LIMIT, api_post_my_password, ""}));
    router.add({Post, "/api/v1/password-resets", Anonymous, DEFAULT_BODY_LIMIT, api_post_password_reset, ""});
    router.add({Post, "/api/v1/activations", Anonymous, DEFAULT_BODY_LIMIT, api_post_activation, ""});
    router.add({Post, "/api/v1/activations/confirm", Learner, DEFAULT_BODY_LIMIT, api_post_activation_confirm, ""});
    router.add({Post, "/api/v1/invitations/accept", Learner, DEFAULT_BODY_LIMIT, api_post_invitation_accept, ""});
    router.add(
        {Get, "/api/v1/admin/organizations", NationalAdmin, DEFAULT_BODY_LIMIT, api_get_admin_organizations, ""});
    router.add(
        {Post, "/api/v1/admin/organizations", NationalAdmin, DEFAULT_BODY_LIMIT, api_post_admin_organization, ""});

    // Admin space (national administrators)
    router.add({Get, "/admin/organisations", NationalAdmin, DEFAULT_BODY_LIMIT, get_admin_organizations, ""});
    router.add({Post, "/admin/organisations", NationalAdmin, DEFAULT_BODY_LIMIT, post_admin_organization, ""});
    // Admin space: content preview
    router.add({Get, "/admin/contenu", NationalAdmin, DEFAULT_BODY_LIMIT, get_content_index, ""});
    router.add(
        {Get, "/admin/contenu/competences/:code", NationalAdmin, DEFAULT_BODY_LIMIT, get_content_competence, ""});
    router.add({Get, "/admin/contenu/parcours/:id", NationalAdmin, DEFAULT_BODY_LIMIT, get_content_profile, ""});
    router.add({Get, "/admin/contenu/epreuves/:id", NationalAdmin, DEFAULT_BODY_LIMIT, get_challenge_preview, ""});
    router.add({Post, "/admin/contenu/epreuves/:id", NationalAdmin, DEFAULT_BODY_LIMIT, post_challenge_preview, ""});

    // School activation (docs/rules/organizations.md "Activation by UAI")
    router.add({Get, "/activation", Anonymous, DEFAULT_BODY_LIMIT, get_activation, ""});
    router.add({Post, "/activation", Anonymous, DEFAULT_BODY_LIMIT, post_activation, ""});
    router.add({Get, "/activation/confirmer", Learner, DEFAULT_BODY_LIMIT, get_activation_confirm, ""});
    router.add({Post, "/activation/confirmer", Learner, DEFAULT_BODY_LIMIT, post_activation_confirm, ""});

    // Orga: team (docs/rules/organizations.md "Invitations", "The team", "Audit log")
    router.add({Get, "/orga/:org_id/equipe", Member, DEFAULT_BODY_LIMIT, get_team, ""});
    router.add({Post, "/orga/:org_id/equipe/invitations", OrgAdmin, DEFAULT_BODY_LIMIT, post_invitation, ""});
    router.add({Post, "/orga/:org_id/equipe/invitations/:invitation_id/renvoyer", OrgAdmin, DEFAULT_BODY_LIMIT,
                post_resend_invitation, ""});
    router.add({Post, "/orga/:org_id/equipe/invitations/:invitation_id/annuler", OrgAdmin, DEFAULT_BODY_LIMIT,
                post_cancel_invitation, ""});
    router.add(
        {Post, "/orga/:org_id/equipe/membres/:user_id/role", OrgAdmin, DEFAULT_BODY_LIMIT, post_member_role, ""});
    router.add(
        {Post, "/orga/:org_id/equipe/membres/:user_id/retirer", OrgAdmin, DEFAULT_BODY_LIMIT, post_remove_member, ""});
    router.add({Get, "/orga/:org_id/journal", OrgAdmin, DEFAULT_BODY_LIMIT, get_audit_log, ""});

    // Orga: students. Literal paths before /eleves/:learner_id.
    router.add({Get, "/orga/:org_id/eleves", Member, DEFAULT_BODY_LIMIT, get_students, ""});
    router.add({Get, "/orga/:org_id/eleves/import", OrgAdmin, DEFAULT_BODY_LIMIT, get_students_import, ""});
    router.add(
        {Post, "/orga/:org_id/eleves/imports", OrgAdmin, organizations::MAX_IMPORT_BYTES, post_students_import, ""});
    router.add(
        {Get, "/orga/:org_id/eleves/imports/:import_id", OrgAdmin, DEFAULT_BODY_LIMIT, get_students_import_state, ""});
    router.add({Post, "/orga/:org_id/eleves/imports/:import_id/confirmer", OrgAdmin, DEFAULT_BODY_LIMIT,
                post_students_import_confirm, ""});
    router.add({Post, "/orga/:org_id/eleves/imports/:import_id/annuler", OrgAdmin, DEFAULT_BODY_LIMIT,
                post_students_import_cancel, ""});
    router.add({Get, "/orga/:org_id/eleves/export.csv", OrgAdmin, DEFAULT_BODY_LIMIT, get_students_csv, ""});
    router.add({Get, "/orga/:org_id/eleves/identifiants", Member, DEFAULT_BODY_LIMIT, get_class_credentials, ""});
    router.add({Post, "/orga/:org_id/eleves/identifiants", Member, DEFAULT_BODY_LIMIT, post_class_credentials, ""});
    router.add({Get, "/orga/:org_id/eleves/identifiants/lots/:batch_id", Member, DEFAULT_BODY_LIMIT,
                get_credential_batch, ""});
    router.add({Get, "/orga/:org_id/eleves/identifiants/lots/:batch_id/etat", Member, DEFAULT_BODY_LIMIT,
                get_credential_batch_state, ""});
    router.add({Get, "/orga/:org_id/eleves/identifiants/lots/:batch_id/identifiants.csv", Member, DEFAULT_BODY_LIMIT,
                get_credential_batch_file, ""});
    router.add({Get, "/orga/:org_id/eleves/identifiants/lots/:batch_id/identifiants.pdf", Member, DEFAULT_BODY_LIMIT,
                get_credential_batch_file, ""});
    router.add({Get, "/orga/:org_id/eleves/:learner_id", Member, DEFAULT_BODY_LIMIT, get_student_page, ""});
    router.add({Post, "/orga/:org_id/eleves/:learner_id/identifiant", Member, DEFAULT_BODY_LIMIT,
                post_student_credentials, ""});
    router.add({Post, "/orga/:org_id/eleves/:learner_id/dissocier", OrgAdmin, DEFAULT_BODY_LIMIT,
                post_student_dissociate, ""});
    router.add({Get, "/invitation", Learner, DEFAULT_BODY_LIMIT, get_invitation, ""});
    router.add({Post, "/invitation", Learner, DEFAULT_BODY_LIMIT, post_accept_invitation, ""});

    router.add({Get, "/mot-de-passe-oublie", Anonymous, DEFAULT_BODY_LIMIT, get_forgotten_password, ""});
    router.add({Post, "/mot-de-passe-oublie", Anonymous, DEFAULT_BODY_LIMIT, post_forgotten_password, ""});
    router.add({Get, "/mot-de-passe/nouveau", Anonymous, DEFAULT_BODY_LIMIT, get_new_password, ""});
    router.add({Post, "/mot-de-passe/nouveau", Anonymous, DEFAULT_BODY_LIMIT, post_new_password, ""});
}

} // namespace numeria::web
