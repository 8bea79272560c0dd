#include "content/model/content_model.hpp"

namespace numeria::content {

const char* type_code(ChallengeType type) {
    switch (type) {
    case ChallengeType::Qcu:
        return "QCU";
    case ChallengeType::Qcm:
        return "QCM";
    case ChallengeType::Qroc:
        return "QROC";
    case ChallengeType::QrocmInd:
        return "QROCM-ind";
    case ChallengeType::QrocmDep:
        return "QROCM-dep";
    }
    return "QCU";
}

std::optional<ChallengeType> parse_challenge_type(std::string_view code) {
    for (ChallengeType type : {ChallengeType::Qcu, ChallengeType::Qcm, ChallengeType::Qroc, ChallengeType::QrocmInd,
                               ChallengeType::QrocmDep}) {
        if (code == type_code(type))
            return type;
    }
    return std::nullopt;
}

// Rule: docs/rules/content.md "Mastery and stages" (parcours de rentrée: 0-20 % insuffisante, 21-50 %
// fragile, 51-80 % satisfaisante, 81-100 % très bonne maîtrise).
std::vector<StageDefinition> default_stages() {
    return {
        {0, "Maîtrise insuffisante", "Tu débutes : les tutoriels proposés t'aideront à progresser.",
         "L'élève a besoin d'un accompagnement sur ces compétences."},
        {21, "Maîtrise fragile", "Tu as des bases : continue à t'entraîner.",
         "L'élève maîtrise une partie des acquis ; des exercices ciblés l'aideront."},
        {51, "Maîtrise satisfaisante", "Bonne maîtrise : tu peux viser les niveaux suivants.",
         "L'élève maîtrise l'essentiel des acquis du parcours."},
        {81, "Très bonne maîtrise", "Excellente maîtrise : bravo !",
         "L'élève maîtrise très bien les acquis du parcours."},
    };
}

} // namespace numeria::content
