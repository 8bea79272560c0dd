#include "organizations/learners/import_issue.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>

namespace numeria::organizations {

// Codes: docs/rules/student-import.md "Error messages" (the national platform's codes where it has
// one); the sentences are ours.
std::string french_import_message(const std::string& code, const std::string& detail) {
    static const std::map<std::string, std::string> messages = {
        {"UAI_MISMATCHED", "Le fichier ne correspond pas à votre établissement : son UAI (balise UAJ) est « %s ». "
                           "Vérifiez que vous avez exporté la base élèves du bon établissement."},
        {"UAI_MISSING", "Le fichier ne contient pas l'UAI de l'établissement (balise PARAMETRES/UAJ) : ce n'est pas "
                        "un export SIECLE « Élèves sans adresses » complet."},
        {"INVALID_FILE", "Le fichier n'est pas lisible : %s."},
        {"NOT_SIECLE", "Ce fichier XML n'est pas un export SIECLE « Élèves sans adresses » (la racine doit être "
                       "BEE_ELEVES)."},
        {"ENCODING_NOT_SUPPORTED", "L'encodage « %s » du fichier n'est pas pris en charge (acceptés : UTF-8 et "
                                   "ISO-8859-15). Exportez à nouveau le fichier depuis SIECLE."},
        {"ZIP_NO_XML", "L'archive ZIP ne contient aucun fichier XML."},
        {"ZIP_SEVERAL_FILES", "L'archive ZIP doit contenir un seul fichier XML, sans fichier ni dossier caché (%s)."},
        {"ZIP_TOO_LARGE", "L'archive ZIP se décompresse en un fichier trop gros (%s) : elle est refusée par "
                          "sécurité."},
        {"ZIP_NAME_TOO_LONG", "L'archive ZIP contient un nom de fichier trop long (%s ; 1024 au plus, 255 entre "
                              "deux « / ») : elle est refusée par sécurité."},
        {"IMPORT_RETRIES_EXHAUSTED", "L'import a échoué à plusieurs reprises (%s tentatives interrompues) : aucun "
                                     "élève n'a été modifié. Vérifiez le fichier ou contactez l'assistance."},
        {"FILE_TOO_LARGE", "Le fichier dépasse la taille maximale de 20 Mo (%s)."},
        {"FILE_EMPTY", "Le fichier est vide."},
        {"CSV_MISSING_COLUMN", "Il manque la colonne obligatoire « %s » dans l'en-tête du fichier."},
        {"CSV_MALFORMED", "Le fichier CSV est mal formé (%s)."},
        {"INE_REQUIRED", "L'INE de l'élève est obligatoire."},
        {"INE_UNIQUE", "L'INE %s apparaît plusieurs fois dans le fichier."},
        {"IDENTIFIER_UNIQUE", "L'identifiant %s apparaît plusieurs fois dans le fichier."},
        {"STUDENT_NUMBER_UNIQUE", "Le numéro étudiant %s apparaît plusieurs fois dans le fichier."},
        {"STUDENT_NUMBER_REQUIRED", "Le numéro étudiant est obligatoire."},
        {"SEX_CODE_REQUIRED", "Le sexe de l'élève est obligatoire (1 ou 2 dans SIECLE, M ou F dans un CSV)."},
        {"BIRTHDATE_REQUIRED", "La date de naissance de l'élève est obligatoire."},
        {"INVALID_BIRTHDATE_FORMAT", "La date de naissance « %s » n'est pas une date valide au format jj/mm/aaaa."},
        {"BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", "Le code INSEE de la commune de naissance est obligatoire pour "
                                                    "un élève né en France."},
        {"BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT", "La commune de naissance est obligatoire pour un élève né à "
                                                    "l'étranger."},
        {"INSEE_CODE_INVALID", "Le code INSEE « %s » n'est pas valide."},
        {"LAST_NAME_REQUIRED", "Le nom de famille de l'élève est obligatoire."},
        {"FIRST_NAME_REQUIRED", "Le prénom de l'élève est obligatoire."},
        {"DIVISION_REQUIRED", "La division (classe) de l'élève est obligatoire."},
        {"STATUS_INVALID", "Le statut « %s » n'est pas valide (ST ou AP)."},
        {"INVALID_CHAR_DETECTED", "Le fichier contient un caractère non valide %s : il n'est sans doute pas "
                                  "enregistré dans l'encodage qu'il annonce (UTF-8 pour un fichier CSV)."},
        {"ACCOUNT_NOT_INHERITED", "L'élève d'INE %s est importé sans compte : un compte est déjà lié à cet INE dans "
                                  "un autre établissement, sous une autre identité (nom, prénom ou date de "
                                  "naissance). Vérifiez l'INE ; si c'est bien le même élève, corrigez son identité "
                                  "dans votre base élèves, ou donnez-lui de nouveaux identifiants."},
        {"TEXT_NOT_ONE_LINE", "La colonne « %s » de cet élève contient un caractère interdit (saut de ligne, "
                              "tabulation, caractère de contrôle ou invisible) : corrigez-la dans le fichier."},
        {"NAME_TOO_LONG", "La colonne « %s » de cet élève dépasse 100 caractères."},
        {"FIELD_REQUIRED", "La colonne « %s » est obligatoire : elle est vide pour cet élève."},
    };
    auto found = messages.find(code);
    std::string text = found == messages.end() ? "Erreur « " + code + " »." : found->second;
    if (auto at = text.find("%s"); at != std::string::npos)
        text.replace(at, 2, detail);
    return text;
}

// Rule: docs/rules/security.md "Text input": a value quoted from a file (a cell, a ZIP entry name)
// is shown as clean text: each malformed UTF-8 sequence and each control character becomes U+FFFD.
std::string clean_value(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    std::int32_t at = 0;
    while (at < length) {
        const std::int32_t start = at;
        UChar32 code_point = 0;
        U8_NEXT(bytes, at, length, code_point);
        if (code_point < 0 || u_iscntrl(code_point))
            out += "\xEF\xBF\xBD";
        else
            out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(at - start));
    }
    return out;
}

std::string shortened_value(const std::string& raw) {
    std::string text = clean_value(raw.size() > 4 * MAX_ISSUE_VALUE ? raw.substr(0, 4 * MAX_ISSUE_VALUE) : raw);
    if (text.size() <= MAX_ISSUE_VALUE && raw.size() <= 4 * MAX_ISSUE_VALUE)
        return text;
    std::size_t end = std::min(MAX_ISSUE_VALUE, text.size());
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end; // never cut a UTF-8 character in two
    return text.substr(0, end) + "…";
}

ImportIssue make_issue(const std::string& code, const std::string& ine, std::size_t line, const std::string& field,
                       const std::string& detail) {
    const std::string key = shortened_value(ine);
    return ImportIssue{code, key, line, shortened_value(field),
                       french_import_message(code, detail.empty() ? key : shortened_value(detail))};
}

} // namespace numeria::organizations
