#include "web/import_messages.hpp"

#include <map>

namespace numeria::web {

namespace {

std::string text_of(const nlohmann::json& issue, const char* key) {
    auto found = issue.find(key);
    if (found == issue.end() || found->is_null())
        return "";
    return found->is_string() ? found->get<std::string>() : found->dump();
}

// Codes and reasons: docs/rules/student-import.md "Error messages" (the national platform's codes
// where it has one); the sentences are ours. {ine}, {line}, {field} and {value} are the issue's.
const std::map<std::string, std::string>& sentences() {
    static const std::map<std::string, std::string> texts = {
        {"UAI_MISMATCHED", "Le fichier ne correspond pas à votre établissement : son UAI (balise UAJ) est « {value} ». "
                           "Vérifiez que vous avez exporté la base élèves du bon établissement."},
        {"UAI_MISMATCHED/UAI_MISSING", "Le fichier ne contient pas l'UAI de l'établissement (balise PARAMETRES/UAJ) : "
                                       "ce n'est pas un export SIECLE « Élèves sans adresses » complet."},
        {"INVALID_FILE", "Le fichier n'est pas lisible."},
        {"INVALID_FILE/UNKNOWN_FORMAT", "Le fichier n'est pas lisible : format inconnu (un export SIECLE XML ou ZIP, "
                                        "ou un fichier CSV, est attendu)."},
        {"INVALID_FILE/XML_MALFORMED", "Le fichier n'est pas lisible : XML mal formé à la ligne {line} ({value})."},
        {"INVALID_FILE/ZIP_UNREADABLE", "Le fichier n'est pas lisible : archive ZIP illisible."},
        {"INVALID_FILE/ZIP_DAMAGED", "Le fichier n'est pas lisible : archive ZIP endommagée."},
        {"NOT_SIECLE", "Ce fichier XML n'est pas un export SIECLE « Élèves sans adresses » (la racine doit être "
                       "BEE_ELEVES)."},
        {"ENCODING_NOT_SUPPORTED", "L'encodage « {value} » du fichier n'est pas pris en charge (acceptés : UTF-8 et "
                                   "ISO-8859-15). Exportez à nouveau le fichier depuis SIECLE."},
        {"ZIP_NO_XML", "L'archive ZIP ne contient aucun fichier XML."},
        {"ZIP_SEVERAL_FILES", "L'archive ZIP doit contenir un seul fichier XML, sans fichier ni dossier caché."},
        {"ZIP_SEVERAL_FILES/HIDDEN_ENTRY", "L'archive ZIP doit contenir un seul fichier XML, sans fichier ni dossier "
                                           "caché (fichier ou dossier caché « {value} »)."},
        {"ZIP_SEVERAL_FILES/EXTRA_ENTRY", "L'archive ZIP doit contenir un seul fichier XML, sans fichier ni dossier "
                                          "caché (fichier « {value} » en trop)."},
        {"ZIP_SEVERAL_FILES/SEVERAL_XML", "L'archive ZIP doit contenir un seul fichier XML, sans fichier ni dossier "
                                          "caché ({value} fichiers XML)."},
        {"ZIP_TOO_LARGE", "L'archive ZIP se décompresse en un fichier trop gros ({value} Mo) : elle est refusée par "
                          "sécurité."},
        {"ZIP_TOO_LARGE/DECLARED_SIZE_WRONG", "L'archive ZIP se décompresse en un fichier plus gros que la taille "
                                              "qu'elle annonce : elle est refusée par sécurité."},
        {"ZIP_NAME_TOO_LONG", "L'archive ZIP contient un nom de fichier trop long ({value} caractères ; 1024 au plus, "
                              "255 entre deux « / ») : elle est refusée par sécurité."},
        {"IMPORT_RETRIES_EXHAUSTED", "L'import a échoué à plusieurs reprises ({value} tentatives interrompues) : aucun "
                                     "élève n'a été modifié. Vérifiez le fichier ou contactez l'assistance."},
        {"INTERNAL_ERROR", "Une erreur inattendue a interrompu l'import : aucun élève n'a été modifié. Réessayez ; si "
                           "le problème persiste, contactez l'assistance."},
        {"FILE_TOO_LARGE", "Le fichier dépasse la taille maximale de 20 Mo ({value} Mo)."},
        {"FILE_EMPTY", "Le fichier est vide."},
        {"CSV_MISSING_COLUMN", "Il manque la colonne obligatoire « {field} » dans l'en-tête du fichier."},
        {"CSV_MALFORMED", "Le fichier CSV est mal formé (enregistrement {value})."},
        {"INE_REQUIRED", "L'INE de l'élève est obligatoire."},
        {"INE_UNIQUE", "L'INE {ine} apparaît plusieurs fois dans le fichier."},
        {"IDENTIFIER_UNIQUE", "L'identifiant {ine} apparaît plusieurs fois dans le fichier."},
        {"STUDENT_NUMBER_UNIQUE", "Le numéro étudiant {ine} apparaît plusieurs fois dans le fichier."},
        {"STUDENT_NUMBER_REQUIRED", "Le numéro étudiant est obligatoire."},
        {"SEX_CODE_REQUIRED", "Le sexe de l'élève est obligatoire (1 ou 2 dans SIECLE, M ou F dans un CSV)."},
        {"BIRTHDATE_REQUIRED", "La date de naissance de l'élève est obligatoire."},
        {"INVALID_BIRTHDATE_FORMAT",
         "La date de naissance « {value} » n'est pas une date valide au format jj/mm/aaaa."},
        {"BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", "Le code INSEE de la commune de naissance est obligatoire pour un "
                                                    "élève né en France."},
        {"BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT", "La commune de naissance est obligatoire pour un élève né à "
                                                    "l'étranger."},
        {"INSEE_CODE_INVALID", "Le code INSEE « {value} » n'est pas valide."},
        {"LAST_NAME_REQUIRED", "Le nom de famille de l'élève est obligatoire."},
        {"FIRST_NAME_REQUIRED", "Le prénom de l'élève est obligatoire."},
        {"DIVISION_REQUIRED", "La division (classe) de l'élève est obligatoire."},
        {"STATUS_INVALID", "Le statut « {value} » n'est pas valide (ST ou AP)."},
        {"INVALID_CHAR_DETECTED", "Le fichier contient un caractère non valide à la ligne {line} : il n'est sans doute "
                                  "pas enregistré dans l'encodage qu'il annonce (UTF-8 pour un fichier CSV)."},
        {"ACCOUNT_NOT_INHERITED", "L'élève d'INE {ine} est importé sans compte : un compte est déjà lié à cet INE dans "
                                  "un autre établissement, sous une autre identité (nom, prénom ou date de "
                                  "naissance). Vérifiez l'INE ; si c'est bien le même élève, corrigez son identité "
                                  "dans votre base élèves, ou donnez-lui de nouveaux identifiants."},
        {"TEXT_NOT_ONE_LINE", "La colonne « {field} » de cet élève contient un caractère interdit (saut de ligne, "
                              "tabulation, caractère de contrôle ou invisible) : corrigez-la dans le fichier."},
        {"NAME_TOO_LONG", "La colonne « {field} » de cet élève dépasse 100 caractères."},
        {"FIELD_REQUIRED", "La colonne « {field} » est obligatoire : elle est vide pour cet élève."},
    };
    return texts;
}

// One pass over the template, so a quoted value that itself reads "{ine}" stays as it is.
std::string render(const std::string& text, const nlohmann::json& issue) {
    std::string out;
    out.reserve(text.size() + 64);
    for (std::size_t at = 0; at < text.size();) {
        if (text[at] == '{') {
            const auto close = text.find('}', at);
            const std::string name = text.substr(at + 1, close - at - 1);
            if (close != std::string::npos && (name == "ine" || name == "line" || name == "field" || name == "value")) {
                out += text_of(issue, name.c_str());
                at = close + 1;
                continue;
            }
        }
        out += text[at++];
    }
    return out;
}

} // namespace

std::string french_import_message(const nlohmann::json& issue) {
    const std::string code = text_of(issue, "code");
    const std::string reason = text_of(issue, "reason");
    const auto& texts = sentences();
    auto found = reason.empty() ? texts.end() : texts.find(code + "/" + reason);
    if (found == texts.end())
        found = texts.find(code);
    if (found == texts.end())
        return "Erreur « " + code + " ».";
    return render(found->second, issue);
}

std::string french_import_format(const std::string& code) {
    // Rule: docs/rules/student-import.md "Import states": the history names each format in French.
    if (code == "siecle")
        return "Fichier SIECLE (XML)";
    if (code == "fregata")
        return "Fichier CSV Fregata";
    if (code == "sup" || code == "sup-replace")
        return "Fichier CSV (liste remplacée)";
    if (code == "sup-add")
        return "Fichier CSV (étudiants ajoutés)";
    return "Autre fichier";
}

nlohmann::json with_import_messages(nlohmann::json outcome) {
    for (const char* list : {"errors", "notices"}) {
        auto issues = outcome.find(list);
        if (issues == outcome.end() || !issues->is_array())
            continue;
        for (nlohmann::json& issue : *issues)
            if (issue.is_object() && !issue.contains("message"))
                issue["message"] = french_import_message(issue);
    }
    return outcome;
}

} // namespace numeria::web
