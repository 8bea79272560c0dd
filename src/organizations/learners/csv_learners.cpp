#include "organizations/learners/csv_learners.hpp"

#include "organizations/import/csv_table.hpp"
#include "organizations/learners/learner_rules.hpp"
#include "organizations/learners/text_encoding.hpp"

#include <functional>
#include <map>
#include <regex>
#include <set>

namespace numeria::organizations {

namespace {

struct Column {
    const char* header; // without the '*' marks
    bool required;      // '*': the column must be in the header and its value in every row
    std::string LearnerRecord::*target;
    const char* empty_code = "FIELD_REQUIRED"; // the error for an empty required value
};

// Rule: pix-reference.md §3.2 "SCO / Agriculture (Fregata)": the header, '*' = required; the two '**'
// columns (commune code and label) are "required depending on the birth country", so they may be
// absent from the header and their values are checked row by row (parse_fregata_csv).
const std::vector<Column>& fregata_columns() {
    static const std::vector<Column> columns = {
        {"Identifiant unique", true, &LearnerRecord::key, "INE_REQUIRED"},
        {"Premier prénom", true, &LearnerRecord::first_name, "FIRST_NAME_REQUIRED"},
        {"Deuxième prénom", false, &LearnerRecord::middle_name},
        {"Troisième prénom", false, &LearnerRecord::third_name},
        {"Nom de famille", true, &LearnerRecord::last_name, "LAST_NAME_REQUIRED"},
        {"Nom d'usage", false, &LearnerRecord::preferred_last_name},
        {"Code sexe", true, &LearnerRecord::sex, "SEX_CODE_REQUIRED"},
        {"Date de naissance (jj/mm/aaaa)", true, &LearnerRecord::birthdate, "BIRTHDATE_REQUIRED"},
        {"Code commune naissance", false, &LearnerRecord::birth_city_code},
        {"Libellé commune naissance", false, &LearnerRecord::birth_city},
        {"Code département naissance", true, &LearnerRecord::birth_province_code},
        {"Code pays naissance", true, &LearnerRecord::birth_country_code},
        {"Statut", true, &LearnerRecord::status},
        {"Code MEF", true, &LearnerRecord::mef_code},
        {"Division", true, &LearnerRecord::division, "DIVISION_REQUIRED"},
    };
    return columns;
}

// Rule: pix-reference.md §3.2 "SUP": the columns firstName*, middleName, thirdName, lastName*,
// preferredLastName, birthdate*, email, studentNumber*, department, educationalTeam, group, diploma,
// studyScheme with their French labels. The group is kept as the learner's class (division).
const std::vector<Column>& sup_columns() {
    static const std::vector<Column> columns = {
        {"Premier prénom", true, &LearnerRecord::first_name, "FIRST_NAME_REQUIRED"},
        {"Deuxième prénom", false, &LearnerRecord::middle_name},
        {"Troisième prénom", false, &LearnerRecord::third_name},
        {"Nom de famille", true, &LearnerRecord::last_name, "LAST_NAME_REQUIRED"},
        {"Nom d'usage", false, &LearnerRecord::preferred_last_name},
        {"Date de naissance (jj/mm/aaaa)", true, &LearnerRecord::birthdate, "BIRTHDATE_REQUIRED"},
        {"Email", false, &LearnerRecord::email},
        {"Numéro étudiant", true, &LearnerRecord::key, "STUDENT_NUMBER_REQUIRED"},
        {"Composante", false, &LearnerRecord::department},
        {"Équipe pédagogique", false, &LearnerRecord::educational_team},
        {"Groupe", false, &LearnerRecord::division},
        {"Diplôme", false, &LearnerRecord::diploma},
        {"Régime", false, &LearnerRecord::study_scheme},
    };
    return columns;
}

std::string without_marks(const std::string& header) {
    std::string name = trimmed(header);
    while (!name.empty() && name.back() == '*')
        name.pop_back();
    return trimmed(name);
}

std::string upper(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

using RowCheck = std::function<void(LearnerRecord&, std::vector<ImportIssue>&)>;

struct CsvFormat {
    const std::vector<Column>& columns;
    const char* duplicate_code;
    bool upper_case_key; // Fregata identifiers are INE-like: compared and stored in upper case
    RowCheck check_row;
};

ParsedFile parse_csv(std::string_view bytes, const CsvFormat& format) {
    if (bytes.empty())
        return refused_file(make_issue("FILE_EMPTY"));
    Result<std::string> text = to_utf8(bytes, "UTF-8");
    if (!text)
        return refused_file(decoding_issue(text.error(), "UTF-8"));
    Result<CsvTable> table = CsvTable::parse(*text, ';');
    if (!table)
        return refused_file(make_issue(table.error().reason == "csv.empty" ? "FILE_EMPTY" : "CSV_MALFORMED", "", 0, "",
                                       "enregistrement " + table.error().detail));
    std::map<std::string, int> positions;
    for (std::size_t i = 0; i < table->header().size(); ++i)
        positions.emplace(without_marks(table->header()[i]), static_cast<int>(i));
    ParsedFile file;
    for (const Column& column : format.columns)
        if (column.required && !positions.count(column.header))
            file.errors.push_back(make_issue("CSV_MISSING_COLUMN", "", 1, column.header, column.header));
    if (file.refused())
        return file;
    std::set<std::string> seen;
    for (const CsvRow& row : table->rows()) {
        LearnerRecord record;
        record.line = row.line;
        for (const Column& column : format.columns)
            if (auto found = positions.find(column.header); found != positions.end())
                record.*(column.target) = CsvTable::cell(row, found->second);
        // The duplicate check compares the key as it is stored: "abc" and "ABC" are one identifier.
        if (format.upper_case_key)
            record.key = upper(record.key);
        if (!record.key.empty() && !seen.insert(record.key).second) {
            file.errors.push_back(make_issue(format.duplicate_code, record.key, record.line));
            continue;
        }
        for (const Column& column : format.columns)
            if (column.required && (record.*(column.target)).empty())
                file.errors.push_back(
                    make_issue(column.empty_code, record.key, record.line, column.header, column.header));
        const std::string date = record.birthdate;
        record.birthdate = parse_french_date(date).value_or("");
        if (!date.empty() && record.birthdate.empty())
            file.errors.push_back(make_issue("INVALID_BIRTHDATE_FORMAT", record.key, record.line, "", date));
        format.check_row(record, file.errors);
        file.learners.push_back(std::move(record));
    }
    return file;
}

// Rule: pix-reference.md §3.2: INSEE country codes 99xxx (99100 = France); the commune code is
// required for a pupil born in France, the commune label for a pupil born abroad ('**' columns).
void check_birthplace(const LearnerRecord& record, std::vector<ImportIssue>& errors) {
    static const std::regex country(R"(^99\d{3}$)");
    static const std::regex commune(R"(^[0-9][0-9AB][0-9]{3}$)");
    if (record.birth_country_code.empty())
        return; // FIELD_REQUIRED already
    if (!std::regex_match(record.birth_country_code, country)) {
        errors.push_back(make_issue("INSEE_CODE_INVALID", record.key, record.line, "Code pays naissance",
                                    record.birth_country_code));
    } else if (record.birth_country_code == "99100") {
        if (record.birth_city_code.empty())
            errors.push_back(make_issue("BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", record.key, record.line,
                                        "Code commune naissance"));
        else if (!std::regex_match(record.birth_city_code, commune))
            errors.push_back(make_issue("INSEE_CODE_INVALID", record.key, record.line, "Code commune naissance",
                                        record.birth_city_code));
    } else if (record.birth_city.empty()) {
        errors.push_back(make_issue("BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT", record.key, record.line,
                                    "Libellé commune naissance"));
    }
}

} // namespace

ParsedFile parse_fregata_csv(std::string_view bytes) {
    return parse_csv(bytes, {fregata_columns(), "IDENTIFIER_UNIQUE", true, [](LearnerRecord& record, auto& errors) {
                                 if (!record.sex.empty() && record.sex != "M" && record.sex != "F")
                                     errors.push_back(make_issue("SEX_CODE_REQUIRED", record.key, record.line));
                                 if (!record.status.empty() && record.status != "ST" && record.status != "AP")
                                     errors.push_back(make_issue("STATUS_INVALID", record.key, record.line, "Statut",
                                                                 record.status));
                                 check_birthplace(record, errors);
                             }});
}

ParsedFile parse_sup_csv(std::string_view bytes) {
    return parse_csv(bytes, {sup_columns(), "STUDENT_NUMBER_UNIQUE", false, [](LearnerRecord&, auto&) {}});
}

} // namespace numeria::organizations
