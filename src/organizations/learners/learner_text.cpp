#include "organizations/learners/learner_text.hpp"

#include "identity/domain/person_name.hpp"

namespace numeria::organizations {

namespace {

struct Field {
    const char* label;
    std::string LearnerRecord::*value;
    bool name; // a person's name: at most identity::MAX_PERSON_NAME_CHARACTERS characters
};

const Field FIELDS[] = {
    {"Identifiant", &LearnerRecord::key, false},
    {"Nom de famille", &LearnerRecord::last_name, true},
    {"Nom d'usage", &LearnerRecord::preferred_last_name, true},
    {"Premier prénom", &LearnerRecord::first_name, true},
    {"Deuxième prénom", &LearnerRecord::middle_name, true},
    {"Troisième prénom", &LearnerRecord::third_name, true},
    {"Sexe", &LearnerRecord::sex, false},
    {"Date de naissance", &LearnerRecord::birthdate, false},
    {"Commune de naissance", &LearnerRecord::birth_city, false},
    {"Code commune de naissance", &LearnerRecord::birth_city_code, false},
    {"Code département de naissance", &LearnerRecord::birth_province_code, false},
    {"Code pays de naissance", &LearnerRecord::birth_country_code, false},
    {"Code MEF", &LearnerRecord::mef_code, false},
    {"Statut", &LearnerRecord::status, false},
    {"Division", &LearnerRecord::division, false},
    {"Email", &LearnerRecord::email, false},
    {"Composante", &LearnerRecord::department, false},
    {"Équipe pédagogique", &LearnerRecord::educational_team, false},
    {"Diplôme", &LearnerRecord::diploma, false},
    {"Régime", &LearnerRecord::study_scheme, false},
};

} // namespace

void check_learner_text(ParsedFile& file) {
    for (const LearnerRecord& record : file.learners) {
        for (const Field& field : FIELDS) {
            const identity::NameShape shape = identity::person_name_shape(record.*(field.value));
            // The key may be malformed itself: the message then names no identifier.
            const std::string key =
                identity::person_name_shape(record.key) == identity::NameShape::NotOneLine ? "" : record.key;
            if (shape == identity::NameShape::NotOneLine)
                file.add_error(make_issue("TEXT_NOT_ONE_LINE", key, record.line, field.label, field.label));
            else if (shape == identity::NameShape::TooLong && field.name)
                file.add_error(make_issue("NAME_TOO_LONG", key, record.line, field.label, field.label));
        }
    }
}

} // namespace numeria::organizations
