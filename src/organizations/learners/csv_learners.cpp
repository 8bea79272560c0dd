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
    bool required;
    std::string LearnerRecord::*target;
};

// Rule: pix-reference.md §3.2 "SCO / Agriculture (Fregata)": the header, '*' = required column.
const std::vector<Column>& fregata_columns() {
    static const std::vector<Column> columns = {
        {"Identifiant unique", true, &LearnerRecord::key},
        {"Premier prénom", true, &LearnerRecord::first_name},
        {"Deuxième prénom", false, &LearnerRecord::middle_name},
        {"Troisième prénom", false, &LearnerRecord::third_name},
        {"Nom de famille", true, &LearnerRecord::last_name},
        {"Nom d'usage", false, &LearnerRecord::preferred_last_name},
        {"Code sexe", true, &LearnerRecord::sex},
        {"Date de naissance (jj/mm/aaaa)", true, &LearnerRecord::birthdate},
        {"Code commune naissance", true, &LearnerRecord::birth_city_code},
        {"Libellé commune naissance", true, &LearnerRecord::birth_city},
        {"Code département naissance", true, &LearnerRecord::birth_province_code},
        {"Code pays naissance", true, &LearnerRecord::birth_country_code},
        {"Statut", true, &LearnerRecord::status},
        {"Code MEF", true, &LearnerRecord::mef_code},
        {"Division", true, &LearnerRecord::division},
    };
    return columns;
}

// Rule: pix-reference.md §3.2 "SUP": required first name, last name, birthdate and student number.
const std::vector<Column>& sup_columns() {
    static const std::vector<Column> columns = {
        {"Premier prénom", true, &LearnerRecord::first_name},
        {"Deuxième prénom", false, &LearnerRecord::middle_name},
        {"Troisième prénom", false, &LearnerRecord::third_name},
        {"Nom de famille", true, &LearnerRecord::last_name},
        {"Nom d'usage", false, &LearnerRecord::preferred_last_name},
        {"Date de naissance (jj/mm/aaaa)", true, &LearnerRecord::birthdate},
        {"Email", false, &LearnerRecord::email},
        {"Numéro étudiant", true, &LearnerRecord::key},
        {"Groupe", false, &LearnerRecord::division},
    };
    return columns;
}

std::string without_marks(const std::string& header) {
    std::string name = trimmed(header);
    while (!name.empty() && name.back() == '*')
        name.pop_back();
    return trimmed(name);
}

using RowCheck = std::function<void(LearnerRecord&, std::vector<ImportIssue>&)>;

ParsedFile parse_csv(std::string_view bytes, const std::vector<Column>& columns, const char* duplicate_code,
                     const RowCheck& check_row) {
    if (bytes.empty())
        return refused_file(make_issue("FILE_EMPTY"));
    Result<std::string> text = to_utf8(bytes, "UTF-8");
    if (!text)
        return refused_file(make_issue("INVALID_CHAR_DETECTED"));
    Result<CsvTable> table = CsvTable::parse(*text, ';');
    if (!table)
        return refused_file(make_issue(table.error().reason == "csv.empty" ? "FILE_EMPTY" : "CSV_MALFORMED", "", 0, "",
                                       "enregistrement " + table.error().detail));
    std::map<std::string, int> positions;
    for (std::size_t i = 0; i < table->header().size(); ++i)
        positions.emplace(without_marks(table->header()[i]), static_cast<int>(i));
    ParsedFile file;
    for (const Column& column : columns)
        if (column.required && !positions.count(column.header))
            file.errors.push_back(make_issue("CSV_MISSING_COLUMN", "", 1, column.header, column.header));
    if (file.refused())
        return file;
    std::set<std::string> seen;
    for (const CsvRow& row : table->rows()) {
        LearnerRecord record;
        record.line = row.line;
        for (const Column& column : columns)
            if (auto found = positions.find(column.header); found != positions.end())
                record.*(column.target) = CsvTable::cell(row, found->second);
        if (!record.key.empty() && !seen.insert(record.key).second) {
            file.errors.push_back(make_issue(duplicate_code, record.key, record.line));
            continue;
        }
        const std::string date = record.birthdate;
        record.birthdate = parse_french_date(date).value_or("");
        if (date.empty())
            file.errors.push_back(make_issue("BIRTHDATE_REQUIRED", record.key, record.line));
        else if (record.birthdate.empty())
            file.errors.push_back(make_issue("INVALID_BIRTHDATE_FORMAT", record.key, record.line, "", date));
        if (record.first_name.empty())
            file.errors.push_back(make_issue("FIRST_NAME_REQUIRED", record.key, record.line));
        if (record.last_name.empty())
            file.errors.push_back(make_issue("LAST_NAME_REQUIRED", record.key, record.line));
        check_row(record, file.errors);
        file.learners.push_back(std::move(record));
    }
    return file;
}

} // namespace

ParsedFile parse_fregata_csv(std::string_view bytes) {
    return parse_csv(bytes, fregata_columns(), "IDENTIFIER_UNIQUE", [](LearnerRecord& record, auto& errors) {
        if (record.key.empty())
            errors.push_back(make_issue("INE_REQUIRED", "", record.line));
        for (char& c : record.key)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (record.sex != "M" && record.sex != "F")
            errors.push_back(make_issue("SEX_CODE_REQUIRED", record.key, record.line));
        if (record.status != "ST" && record.status != "AP")
            errors.push_back(make_issue("STATUS_INVALID", record.key, record.line, "Statut", record.status));
        if (record.division.empty())
            errors.push_back(make_issue("DIVISION_REQUIRED", record.key, record.line));
        // Rule: §3.2: INSEE country codes 99xxx (99100 = France); commune code required in France,
        // commune label abroad.
        static const std::regex country(R"(^99\d{3}$)");
        static const std::regex commune(R"(^[0-9][0-9AB][0-9]{3}$)");
        if (!std::regex_match(record.birth_country_code, country)) {
            errors.push_back(make_issue("INSEE_CODE_INVALID", record.key, record.line, "Code pays naissance",
                                        record.birth_country_code));
        } else if (record.birth_country_code == "99100") {
            if (record.birth_city_code.empty())
                errors.push_back(make_issue("BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", record.key, record.line));
            else if (!std::regex_match(record.birth_city_code, commune))
                errors.push_back(make_issue("INSEE_CODE_INVALID", record.key, record.line, "Code commune naissance",
                                            record.birth_city_code));
        } else if (record.birth_city.empty()) {
            errors.push_back(make_issue("BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT", record.key, record.line));
        }
    });
}

ParsedFile parse_sup_csv(std::string_view bytes) {
    return parse_csv(bytes, sup_columns(), "STUDENT_NUMBER_UNIQUE", [](LearnerRecord& record, auto& errors) {
        if (record.key.empty())
            errors.push_back(make_issue("STUDENT_NUMBER_REQUIRED", "", record.line));
    });
}

} // namespace numeria::organizations
