#include "web/error_mapping.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace numeria::web {

int http_status(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidInput:
        return 400;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::AlreadyExists:
        return 409;
    case ErrorCode::RuleViolated:
        return 422;
    case ErrorCode::Forbidden:
        return 403;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::TooLarge:
        return 413;
    case ErrorCode::Unavailable:
        return 503;
    }
    return 500;
}

std::string french_message(const std::string& reason) {
    static const std::map<std::string, std::string> messages = {
        {"password.too_short", "Votre mot de passe doit contenir au moins 8 caractères."},
        {"password.missing_uppercase", "Votre mot de passe doit contenir au moins une lettre majuscule."},
        {"password.missing_lowercase", "Votre mot de passe doit contenir au moins une lettre minuscule."},
        {"password.missing_digit", "Votre mot de passe doit contenir au moins un chiffre."},
        {"password.invalid_encoding", "Votre mot de passe contient des caractères non reconnus."},
        {"password.hash_failed", "Le serveur est surchargé. Réessayez dans quelques instants."},
        {"password.hashing_overloaded", "Service momentanément surchargé. Réessayez dans quelques instants."},
        {"password.too_long", "Votre mot de passe doit contenir 128 caractères au plus."},
        {"user.first_name_too_long", "Votre prénom doit contenir 100 caractères au plus."},
        {"user.first_name_not_one_line",
         "Votre prénom doit tenir sur une seule ligne, sans caractère de contrôle ni caractère invisible."},
        {"user.last_name_too_long", "Votre nom doit contenir 100 caractères au plus."},
        {"user.last_name_not_one_line",
         "Votre nom doit tenir sur une seule ligne, sans caractère de contrôle ni caractère invisible."},
        {"user.email_too_long", "Votre adresse e-mail doit contenir 254 caractères au plus."},
        {"sign_up.too_many", "Trop d'inscriptions depuis cette adresse réseau. Réessayez dans une heure."},
        {"unlock.link_invalid", "Ce lien de déblocage n'est plus valable : il a déjà servi ou a expiré. "
                                "Attendez la fin du blocage ou choisissez un nouveau mot de passe."},
        {"user.first_name_required", "Indiquez votre prénom."},
        {"user.last_name_required", "Indiquez votre nom."},
        {"user.email_invalid", "Indiquez une adresse e-mail valide, par exemple nom@exemple.fr."},
        {"user.terms_not_accepted", "Vous devez accepter les conditions d'utilisation pour créer un compte."},
        {"user.email_taken", "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou utilisez une "
                             "autre adresse."},
        {"user.username_taken", "Cet identifiant est déjà utilisé."},
        {"password.unchanged", "Choisissez un mot de passe différent de l'actuel."},
        {"password.current_required", "Indiquez votre mot de passe actuel."},
        {"password.current_wrong", "Le mot de passe actuel est incorrect."},
        {"password.confirmation_mismatch", "Les deux saisies du nouveau mot de passe sont différentes."},
        {"reset.link_invalid", "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau."},
        {"activation.name_required", "Indiquez votre prénom et votre nom."},
        {"activation.name_not_one_line", "Votre prénom et votre nom doivent tenir chacun sur une seule ligne, sans "
                                         "tabulation ni caractère de contrôle."},
        {"activation.name_too_long", "Votre prénom et votre nom ne doivent pas dépasser 100 caractères chacun."},
        {"activation.uai_invalid", "L'UAI doit comporter 7 chiffres suivis d'une lettre, par exemple 0750001A."},
        {"activation.uai_unknown", "Cet UAI ne figure pas dans l'annuaire des établissements. Vérifiez-le."},
        {"activation.no_email", "L'annuaire ne donne pas d'adresse e-mail officielle pour cet établissement : "
                                "contactez le support de votre académie."},
        {"activation.too_many", "Trop de demandes d'activation pour cet établissement aujourd'hui. Consultez la "
                                "boîte officielle de l'établissement ou réessayez demain."},
        {"activation.link_invalid", "Ce lien d'activation n'est plus valable : il a déjà servi ou a expiré."},
        {"invitation.email_invalid", "Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr."},
        {"invitation.not_found", "Cette invitation n'existe pas ou n'est plus en attente."},
        {"invitation.link_invalid", "Cette invitation n'est plus valable : elle a été acceptée, annulée ou a "
                                    "expiré. Demandez-en une nouvelle."},
        {"membership.not_found", "Cette personne ne fait pas partie de l'équipe."},
        {"membership.last_admin", "L'équipe doit garder au moins un administrateur : nommez-en un autre avant."},
        {"membership.role_invalid", "Rôle inconnu."},
        {"organization.name_required", "Indiquez le nom de l'organisation."},
        {"organization.uai_invalid", "L'UAI doit comporter 7 chiffres suivis d'une lettre (obligatoire pour SCO et "
                                     "SCO-AGRI)."},
        {"organization.uai_taken", "Une organisation existe déjà avec cet UAI."},
        {"mail.not_sent", "L'e-mail n'a pas pu être envoyé. Réessayez dans quelques instants."},
        {"login.invalid_credentials", "L'adresse e-mail, l'identifiant ou le mot de passe est incorrect."},
        {"login.blocked", "Trop de tentatives de connexion. Réessayez plus tard."},
        {"password.must_change", "Choisissez d'abord un nouveau mot de passe (POST /api/v1/me/password)."},
        {"organization.no_students", "Cette organisation ne gère pas d'élèves."},
        {"import.format_unknown", "Format de fichier inconnu."},
        {"import.file_empty", "Choisissez un fichier à importer : celui-ci est vide."},
        {"import.file_too_large", "Le fichier dépasse la taille maximale de 20 Mo."},
        {"import.not_found", "Cet import n'existe pas."},
        {"import.not_waiting", "Cet import n'attend pas de confirmation."},
        {"competence.unknown", "Cette compétence n'existe pas dans le référentiel."},
        {"assessment.not_found", "Cette évaluation n'existe pas."},
        {"assessment.not_current", "Cette question n'est pas la question en cours : rechargez la page."},
        {"answer.incomplete", "Répondez à chaque champ, ou choisissez « Je passe »."},
        {"storage.unique_violation", "Cette demande est arrivée en même temps qu'une autre identique. Réessayez."},
    };
    auto found = messages.find(reason);
    return found == messages.end() ? "Votre demande n'a pas pu être traitée." : found->second;
}

Response error_json(int status, const std::string& reason, const std::string& message) {
    return Response::json(status, nlohmann::json{{"error", {{"code", reason}, {"message", message}}}}.dump(
                                      -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response error_json(const Error& error) {
    return error_json(http_status(error.code), error.reason, french_message(error.reason));
}

} // namespace numeria::web
