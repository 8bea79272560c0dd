// learner.hpp: a pupil or student of an organisation (docs/rules/student-import.md "SIECLE XML" for
// the fields), and the record an import file gives for one of them.
#pragma once

#include "core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace numeria::organizations {

using LearnerId = std::int64_t;

// The identity and schooling fields an import file carries (SIECLE, Fregata or SUP CSV).
struct LearnerRecord {
    std::string key; // INE for SIECLE and Fregata ("Identifiant unique"), student number for SUP
    std::string last_name;
    std::string preferred_last_name;
    std::string first_name;
    std::string middle_name;
    std::string third_name;
    std::string sex;       // "M" or "F"; "" when the format has none (SUP)
    std::string birthdate; // YYYY-MM-DD
    std::string birth_city;
    std::string birth_city_code;
    std::string birth_province_code;
    std::string birth_country_code; // INSEE: "100" = France (SIECLE), "99100" (CSV)
    std::string mef_code;
    std::string status;   // "ST" student, "AP" apprentice
    std::string division; // class, e.g. "4A"; for SUP, the "Groupe" column (the list's class filter)
    // SUP only (docs/rules/student-import.md "SUP CSV"):
    std::string email;            // "Email"
    std::string department;       // "Composante"
    std::string educational_team; // "Équipe pédagogique"
    std::string diploma;          // "Diplôme"
    std::string study_scheme;     // "Régime"
    std::size_t line = 0;         // the line in the file, for messages

    bool operator==(const LearnerRecord&) const = default;
};

struct Learner {
    LearnerId id = 0;
    std::int64_t organization_id = 0;
    LearnerRecord record;
    bool disabled = false;
    std::optional<std::int64_t> user_id; // the account this record is linked to
    // The account a teacher dissociated from this record: imports never link it again.
    std::optional<std::int64_t> dissociated_user_id;
    std::optional<bool> certifiable; // null: "Non communiqué"
    std::optional<EpochMs> certifiable_at;
    EpochMs created_at = 0;
    EpochMs updated_at = 0;
};

} // namespace numeria::organizations
