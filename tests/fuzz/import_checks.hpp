// import_checks.hpp: what every import reader must give for any input (SIECLE, Fregata, SUP, ZIP):
// each refusal has a code and quotes only well-formed UTF-8 (the web layer words it in French),
// and an accepted file's learners have a key and, in
// every field, one line of well-formed UTF-8 without control characters (the strict text input of
// the security rules: the database, the JSON output and the e-mails take nothing else).
#pragma once

#include "fuzz_support.hpp"
#include "organizations/learners/parsed_file.hpp"

#include <array>
#include <string>

namespace numeria::fuzz {

inline void check_parsed_file(const organizations::ParsedFile& file) {
    for (const organizations::ImportIssue& issue : file.errors) {
        NUMERIA_ASSERT(!issue.code.empty(), "every refusal has a code");
        for (const std::string* text : {&issue.ine, &issue.field, &issue.value, &issue.reason})
            NUMERIA_ASSERT(is_well_formed_utf8(*text), "what a refusal quotes is well-formed UTF-8");
    }
    if (file.refused())
        return;
    for (const organizations::LearnerRecord& record : file.learners) {
        NUMERIA_ASSERT(!record.key.empty(), "an accepted learner has a key");
        const std::array<const std::string*, 20> texts = {&record.key,
                                                          &record.last_name,
                                                          &record.preferred_last_name,
                                                          &record.first_name,
                                                          &record.middle_name,
                                                          &record.third_name,
                                                          &record.sex,
                                                          &record.birthdate,
                                                          &record.birth_city,
                                                          &record.birth_city_code,
                                                          &record.birth_province_code,
                                                          &record.birth_country_code,
                                                          &record.mef_code,
                                                          &record.status,
                                                          &record.division,
                                                          &record.email,
                                                          &record.department,
                                                          &record.educational_team,
                                                          &record.diploma,
                                                          &record.study_scheme};
        for (const std::string* text : texts) {
            NUMERIA_ASSERT(is_well_formed_utf8(*text), "an accepted learner's fields are well-formed UTF-8");
            NUMERIA_ASSERT(!has_control_character(*text), "an accepted learner's fields hold no control character");
        }
    }
}

} // namespace numeria::fuzz
