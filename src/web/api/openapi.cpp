#include "web/api/openapi.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>

namespace numeria::web {

namespace {

using nlohmann::json;

struct Operation {
    const char* summary;
    json request_body; // null: none
    int success;
    json success_schema;
};

json ref(const char* name) {
    return json{{"$ref", std::string("#/components/schemas/") + name}};
}

json list_of(const char* name) {
    return json{{"type", "object"}, {"properties", {{"data", {{"type", "array"}, {"items", ref(name)}}}}}};
}

const std::map<std::string, Operation>& operations() {
    static const std::map<std::string, Operation> table = {
        {"POST /api/v1/auth/token",
         {"Obtenir un jeton d'accès (Bearer) avec un identifiant ou une adresse e-mail et un mot de passe.",
          ref("Credentials"), 200, ref("Token")}},
        {"GET /api/v1/me", {"Le compte connecté.", nullptr, 200, ref("Me")}},
        {"GET /api/v1/me/profile",
         {"Le profil du compte connecté : score Pix, certificabilité, niveau et Pix des 16 compétences.", nullptr, 200,
          ref("Profile")}},
        {"POST /api/v1/me/competence-evaluations",
         {"Commencer l'évaluation d'une compétence (201), ou reprendre celle qui est en cours (200).",
          ref("CompetenceOnly"), 201, ref("AssessmentStarted")}},
        {"GET /api/v1/assessments/{assessment_id}/next",
         {"La question à laquelle répondre (la même tant qu'elle n'a pas de réponse), ou l'état « completed ».",
          nullptr, 200, ref("Next")}},
        {"POST /api/v1/assessments/{assessment_id}/answers",
         {"Répondre à la question en cours : \"2\" (QCU), \"1,3\" (QCM), un texte (QROC), un objet (QROCM) ou "
          "{\"skipped\": true} ; le résultat et la question suivante. 409 pour toute autre question.",
          ref("AnswerBody"), 201, ref("AnswerResult")}},
        {"GET /api/v1/organizations",
         {"Les organisations dont le compte est membre, avec son rôle.", nullptr, 200, list_of("Organization")}},
        {"GET /api/v1/organizations/{org_id}/members",
         {"Les membres de l'équipe (membres de l'organisation).", nullptr, 200, list_of("Member")}},
        {"GET /api/v1/organizations/{org_id}/invitations",
         {"Les invitations en attente (administrateurs).", nullptr, 200, list_of("Invitation")}},
        {"POST /api/v1/organizations/{org_id}/invitations",
         {"Inviter un membre par e-mail, valable 7 jours (administrateurs).", ref("NewInvitation"), 201,
          ref("Invitation")}},
        {"GET /api/v1/openapi.json", {"Ce document.", nullptr, 200, json{{"type", "object"}}}},
        {"POST /api/v1/organizations/{org_id}/invitations/{invitation_id}/resend",
         {"Renvoyer une invitation en attente avec un nouveau lien.", nullptr, 204, nullptr}},
        {"DELETE /api/v1/organizations/{org_id}/invitations/{invitation_id}",
         {"Annuler une invitation en attente.", nullptr, 204, nullptr}},
        {"PATCH /api/v1/organizations/{org_id}/members/{user_id}",
         {"Changer le rôle d'un membre (le dernier administrateur ne peut pas être rétrogradé).", ref("RoleChange"),
          204, nullptr}},
        {"DELETE /api/v1/organizations/{org_id}/members/{user_id}",
         {"Retirer un membre (l'historique est conservé ; jamais le dernier administrateur).", nullptr, 204, nullptr}},
        {"GET /api/v1/organizations/{org_id}/audit-events",
         {"Le journal de l'équipe : activation, invitations, rôles, retraits.", nullptr, 200, list_of("AuditEvent")}},
        {"POST /api/v1/auth/logout", {"Révoquer le jeton utilisé.", nullptr, 204, nullptr}},
        {"POST /api/v1/me/password",
         {"Choisir un nouveau mot de passe (obligatoire quand must_change_password est vrai).", ref("PasswordOnly"),
          204, nullptr}},
        {"POST /api/v1/users",
         {"Créer un compte (mot de passe : 8 à 128 caractères, une majuscule, une minuscule, un chiffre ; noms d'une "
          "ligne, 100 caractères au plus). Même réponse 202 {\"status\": \"accepted\"} que l'adresse soit libre "
          "(compte créé, e-mail de bienvenue) ou déjà prise (rien n'est créé, le titulaire est prévenu par e-mail) ; "
          "429 au-delà de 10 inscriptions par heure depuis une adresse.",
          ref("NewUser"), 202, nullptr}},
        {"POST /api/v1/password-resets",
         {"Demander un lien de nouveau mot de passe (même réponse que le compte existe ou non).", ref("EmailOnly"), 202,
          nullptr}},
        {"POST /api/v1/activations",
         {"Demander l'activation de l'espace d'un établissement par son UAI ; le lien part à l'adresse officielle.",
          ref("ActivationRequest"), 202, nullptr}},
        {"POST /api/v1/activations/confirm",
         {"Confirmer l'activation avec le jeton reçu : le compte devient administrateur.", ref("TokenOnly"), 200,
          nullptr}},
        {"POST /api/v1/invitations/accept",
         {"Accepter une invitation avec le jeton reçu.", ref("TokenOnly"), 200, nullptr}},
        {"GET /api/v1/admin/organizations",
         {"Toutes les organisations (administration nationale).", nullptr, 200, list_of("AdminOrganization")}},
        {"POST /api/v1/admin/organizations",
         {"Créer une organisation (administration nationale).", ref("NewOrganization"), 201, ref("Created")}},
    };
    return table;
}

json components() {
    const json text = {{"type", "string"}};
    const json integer = {{"type", "integer"}};
    const json role = {{"type", "string"}, {"enum", {"ADMIN", "MEMBER"}}};
    return {
        {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
        {"schemas",
         {{"Error",
           {{"type", "object"},
            {"properties", {{"error", {{"type", "object"}, {"properties", {{"code", text}, {"message", text}}}}}}}}},
          {"Credentials",
           {{"type", "object"},
            {"required", {"login", "password"}},
            {"properties", {{"login", text}, {"password", text}}}}},
          {"Token",
           {{"type", "object"},
            {"properties",
             {{"access_token", text},
              {"token_type", text},
              {"expires_in", integer},
              {"must_change_password", {{"type", "boolean"}}}}}}},
          {"CompetenceOnly",
           {{"type", "object"}, {"required", {"competence"}}, {"properties", {{"competence", text}}}}},
          {"AssessmentStarted", {{"type", "object"}, {"properties", {{"assessment_id", integer}}}}},
          {"Next",
           {{"type", "object"},
            {"properties",
             {{"state", {{"type", "string"}, {"enum", {"started", "completed"}}}},
              {"challenge",
               {{"type", "object"},
                {"properties",
                 {{"id", text},
                  {"type", text},
                  {"statement", text},
                  {"proposals", {{"type", "array"}, {"items", text}}},
                  {"fields", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                  {"timer", {{"type", "integer"}, {"nullable", true}}}}}}}}}}},
          {"AnswerBody",
           {{"type", "object"},
            {"required", {"challenge_id"}},
            {"properties", {{"challenge_id", text}, {"value", {}}, {"skipped", {{"type", "boolean"}}}}}}},
          {"AnswerResult",
           {{"type", "object"},
            {"properties",
             {{"result", {{"type", "string"}, {"enum", {"ok", "ko", "aband", "timedout"}}}}, {"next", ref("Next")}}}}},
          {"Profile",
           {{"type", "object"},
            {"properties",
             {{"pix_score", integer},
              {"certifiable", {{"type", "boolean"}}},
              {"competences", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
          {"Me",
           {{"type", "object"},
            {"properties",
             {{"id", integer}, {"first_name", text}, {"last_name", text}, {"email", text}, {"username", text}}}}},
          {"Organization",
           {{"type", "object"}, {"properties", {{"id", integer}, {"name", text}, {"type", text}, {"role", role}}}}},
          {"Member",
           {{"type", "object"},
            {"properties",
             {{"user_id", integer}, {"first_name", text}, {"last_name", text}, {"email", text}, {"role", role}}}}},
          {"NewInvitation",
           {{"type", "object"}, {"required", {"email"}}, {"properties", {{"email", text}, {"role", role}}}}},
          {"RoleChange", {{"type", "object"}, {"required", {"role"}}, {"properties", {{"role", role}}}}},
          {"AuditEvent",
           {{"type", "object"},
            {"properties",
             {{"action", text},
              {"actor_user_id", integer},
              {"target", text},
              {"detail", text},
              {"ip", text},
              {"at", integer}}}}},
          {"NewUser",
           {{"type", "object"},
            {"required", {"first_name", "last_name", "email", "password", "accepts_terms"}},
            {"properties",
             {{"first_name", text},
              {"last_name", text},
              {"email", text},
              {"password", text},
              {"accepts_terms", {{"type", "boolean"}}}}}}},
          {"Created", {{"type", "object"}, {"properties", {{"id", integer}}}}},
          {"PasswordOnly", {{"type", "object"}, {"required", {"password"}}, {"properties", {{"password", text}}}}},
          {"EmailOnly", {{"type", "object"}, {"required", {"email"}}, {"properties", {{"email", text}}}}},
          {"TokenOnly", {{"type", "object"}, {"required", {"token"}}, {"properties", {{"token", text}}}}},
          {"ActivationRequest",
           {{"type", "object"},
            {"required", {"uai", "first_name", "last_name"}},
            {"properties", {{"uai", text}, {"first_name", text}, {"last_name", text}}}}},
          {"NewOrganization",
           {{"type", "object"},
            {"required", {"type", "name"}},
            {"properties",
             {{"type", {{"type", "string"}, {"enum", {"SCO", "SCO-AGRI", "SUP", "PRO"}}}},
              {"name", text},
              {"uai", text}}}}},
          {"AdminOrganization",
           {{"type", "object"},
            {"properties",
             {{"id", integer},
              {"name", text},
              {"type", text},
              {"uai", text},
              {"manages_students", {{"type", "boolean"}}}}}}},
          {"Invitation",
           {{"type", "object"},
            {"properties", {{"id", integer}, {"email", text}, {"role", role}, {"expires_at", integer}}}}}}},
    };
}

std::string lower(const char* method) {
    std::string text = method;
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

std::string openapi_document(const Router& router, const std::string& version) {
    json paths = json::object();
    const std::regex parameter(":([a-z_]+)");
    for (const Route& route : router.routes()) {
        if (route.pattern.rfind("/api/", 0) != 0)
            continue;
        const std::string path = std::regex_replace(route.pattern, parameter, "{$1}");
        const std::string key = std::string(method_name(route.method)) + " " + path;
        auto found = operations().find(key);
        json operation = {{"summary", found == operations().end() ? "" : found->second.summary},
                          {"x-access", access_name(route.access)}};
        json responses = {
            {"400",
             {{"description", "Requête invalide"}, {"content", {{"application/json", {{"schema", ref("Error")}}}}}}},
            {"404", {{"description", "Introuvable (ou d'une autre organisation)"}}}};
        if (found != operations().end()) {
            json success = {{"description", "Succès"}};
            if (!found->second.success_schema.is_null())
                success["content"] = {{"application/json", {{"schema", found->second.success_schema}}}};
            responses[std::to_string(found->second.success)] = success;
            if (!found->second.request_body.is_null())
                operation["requestBody"] = {
                    {"required", true}, {"content", {{"application/json", {{"schema", found->second.request_body}}}}}};
        }
        if (route.access != Access::Anonymous) {
            operation["security"] = json::array({{{"bearer", json::array()}}});
            responses["401"] = {{"description", "Jeton absent ou expiré"}};
        }
        if (route.access == Access::OrgAdmin)
            responses["403"] = {{"description", "Réservé aux administrateurs de l'organisation"}};
        json parameters = json::array();
        for (std::sregex_iterator it(route.pattern.begin(), route.pattern.end(), parameter), end; it != end; ++it)
            parameters.push_back(
                {{"name", (*it)[1].str()}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}});
        if (!parameters.empty())
            operation["parameters"] = parameters;
        operation["responses"] = responses;
        paths[path][lower(method_name(route.method))] = operation;
    }
    json document = {{"openapi", "3.0.3"},
                     {"info", {{"title", "Numeria API"}, {"version", version}}},
                     {"servers", json::array({{{"url", "/"}}})},
                     {"paths", paths},
                     {"components", components()}};
    return document.dump();
}

} // namespace numeria::web
