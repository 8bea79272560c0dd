#include "organizations/learners/csv_learners.hpp"

#include "organizations/import/csv_stream.hpp"
#include "organizations/learners/learner_rules.hpp"
#include "organizations/learners/text_encoding.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace numeria::organizations {

namespace {

struct Column {
    const char* header; // without the '*' marks
    bool required;      // '*': the column must be in the header and its value in every row
    std::string LearnerRecord::*target;
    const char* empty_code = "FIELD_REQUIRED"; // the error for an empty required value
};

// Rule: docs/rules/student-import.md "Fregata CSV": the header, '*' = required; the two
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

// Rule: docs/rules/student-import.md "SUP CSV": the columns firstName*, middleName, thirdName, lastName*,
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

using RowCheck = std::function<void(LearnerRecord&, ParsedFile&)>;

struct CsvFormat {
    const std::vector<Column>& columns;
    const char* duplicate_code;
    bool upper_case_key; // Fregata identifiers are INE-like: compared and stored in upper case
    RowCheck check_row;
};

std::string cell(const std::vector<std::string>& cells, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= cells.size())
        return {};
    return trimmed(cells[static_cast<std::size_t>(index)]);
}

// Reads the file row by row (libcsv's callbacks): only the current row, the records and the first
// errors are held, whatever the number of bad rows (docs/rules/student-import.md "Bounded errors").
class CsvReader {
public:
    explicit CsvReader(const CsvFormat& format)
        : m_format(format) {}

    void on_record(std::size_t number, std::vector<std::string>& cells) {
        if (number == 1)
            return read_header(cells);
        if (m_missing_column)
            return; // the header refuses the file: its rows are not read
        if (cells.size() == 1 && trimmed(cells.front()).empty())
            return; // a blank line
        read_row(number, cells);
    }

    ParsedFile take() { return std::move(m_file); }

private:
    void read_header(const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i)
            m_positions.emplace(without_marks(cells[i]), static_cast<int>(i));
        for (const Column& column : m_format.columns)
            if (column.required && !m_positions.count(column.header)) {
                m_file.add_error(make_issue("CSV_MISSING_COLUMN", "", 1, column.header, column.header));
                m_missing_column = true;
            }
    }

    void read_row(std::size_t number, const std::vector<std::string>& cells) {
        LearnerRecord record;
        record.line = number;
        for (const Column& column : m_format.columns)
            if (auto found = m_positions.find(column.header); found != m_positions.end())
                record.*(column.target) = cell(cells, found->second);
        // The duplicate check compares the key as it is stored: "abc" and "ABC" are one identifier.
        if (m_format.upper_case_key)
            record.key = upper(record.key);
        if (!record.key.empty() && !m_seen.insert(record.key).second) {
            m_file.add_error(make_issue(m_format.duplicate_code, record.key, record.line));
            return;
        }
        for (const Column& column : m_format.columns)
            if (column.required && (record.*(column.target)).empty())
                m_file.add_error(make_issue(column.empty_code, record.key, record.line, column.header, column.header));
        const std::string date = record.birthdate;
        record.birthdate = parse_french_date(date).value_or("");
        if (!date.empty() && record.birthdate.empty())
            m_file.add_error(make_issue("INVALID_BIRTHDATE_FORMAT", record.key, record.line, "", date));
        m_format.check_row(record, m_file);
        if (m_file.refused()) {
            // A refused file imports nothing: its rows are only checked, not kept.
            if (!m_file.learners.empty())
                std::vector<LearnerRecord>().swap(m_file.learners);
            return;
        }
        m_file.learners.push_back(std::move(record));
    }

    const CsvFormat& m_format;
    std::map<std::string, int> m_positions;
    std::set<std::string> m_seen;
    bool m_missing_column = false;
    ParsedFile m_file;
};

ParsedFile parse_csv(std::string_view bytes, const CsvFormat& format) {
    if (bytes.empty())
        return refused_file(make_issue("FILE_EMPTY"));
    // UTF-8 is checked in place: no converted copy of the file.
    if (Status valid = check_utf8(bytes); !valid)
        return refused_file(decoding_issue(valid.error(), "UTF-8"));
    CsvReader reader(format);
    std::size_t records = 0;
    Status read = read_csv_records(bytes, ';', [&](std::size_t number, std::vector<std::string>& cells) {
        records = number;
        reader.on_record(number, cells);
    });
    if (!read)
        return refused_file(make_issue("CSV_MALFORMED", "", 0, "", read.error().detail));
    if (records == 0)
        return refused_file(make_issue("FILE_EMPTY"));
    return reader.take();
}

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 99 and three digits.
bool is_country_code(const std::string& code) {
    return code.size() == 5 && code.compare(0, 2, "99") == 0 && all_digits(code);
}

// A digit, a digit or A or B (Corsica: 2A, 2B), three digits.
bool is_commune_code(const std::string& code) {
    return code.size() == 5 && all_digits(code.substr(0, 1)) &&
           (all_digits(code.substr(1, 1)) || code[1] == 'A' || code[1] == 'B') && all_digits(code.substr(2));
}

// Rule: docs/rules/student-import.md "Fregata CSV": INSEE country codes 99xxx (99100 = France); the
// commune code is required for a pupil born in France, the commune label for a pupil born abroad.
void check_birthplace(const LearnerRecord& record, ParsedFile& file) {
    if (record.birth_country_code.empty())
        return; // FIELD_REQUIRED already
    if (!is_country_code(record.birth_country_code)) {
        file.add_error(make_issue("INSEE_CODE_INVALID", record.key, record.line, "Code pays naissance",
                                  record.birth_country_code));
    } else if (record.birth_country_code == "99100") {
        if (record.birth_city_code.empty())
            file.add_error(make_issue("BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", record.key, record.line,
                                      "Code commune naissance"));
        else if (!is_commune_code(record.birth_city_code))
            file.add_error(make_issue("INSEE_CODE_INVALID", record.key, record.line, "Code commune naissance",
                                      record.birth_city_code));
    } else if (record.birth_city.empty()) {
        file.add_error(make_issue("BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT", record.key, record.line,
                                  "Libellé commune naissance"));
    }
}

} // namespace

ParsedFile parse_fregata_csv(std::string_view bytes) {
    return parse_csv(
        bytes, {fregata_columns(), "IDENTIFIER_UNIQUE", true, [](LearnerRecord& record, ParsedFile& file) {
                    if (!record.sex.empty() && record.sex != "M" && record.sex != "F")
                        file.add_error(make_issue("SEX_CODE_REQUIRED", record.key, record.line));
                    if (!record.status.empty() && record.status != "ST" && record.status != "AP")
                        file.add_error(make_issue("STATUS_INVALID", record.key, record.line, "Statut", record.status));
                    check_birthplace(record, file);
                }});
}

ParsedFile parse_sup_csv(std::string_view bytes) {
    return parse_csv(bytes, {sup_columns(), "STUDENT_NUMBER_UNIQUE", false, [](LearnerRecord&, auto&) {}});
}

} // namespace numeria::organizations
