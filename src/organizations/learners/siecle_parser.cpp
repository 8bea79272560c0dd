#include "organizations/learners/siecle_parser.hpp"

#include "organizations/learners/learner_rules.hpp"
#include "organizations/learners/text_encoding.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

namespace numeria::organizations {

namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

std::string child_text(const pugi::xml_node& node, const char* name) {
    return trimmed(node.child(name).text().as_string());
}

// Line numbers for messages: pugixml gives byte offsets; the decoded text keeps the line breaks.
class LineIndex {
public:
    explicit LineIndex(const std::string& text) {
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                m_breaks.push_back(static_cast<std::ptrdiff_t>(i));
    }
    [[nodiscard]] std::size_t line_of(std::ptrdiff_t offset) const {
        return static_cast<std::size_t>(std::lower_bound(m_breaks.begin(), m_breaks.end(), offset) - m_breaks.begin()) +
               1;
    }

private:
    std::vector<std::ptrdiff_t> m_breaks;
};

// Rule: pix-reference.md §3.1 "Division": the CODE_STRUCTURE of the structure of TYPE_STRUCTURE "D",
// ignoring the code "Inactifs"; groups ("G") are ignored.
std::map<std::string, std::string> divisions_by_pupil(const pugi::xml_node& data) {
    std::map<std::string, std::string> divisions;
    for (const pugi::xml_node& pupil : data.child("STRUCTURES").children("STRUCTURES_ELEVE")) {
        const std::string id = pupil.attribute("ELEVE_ID").as_string();
        for (const pugi::xml_node& structure : pupil.children("STRUCTURE")) {
            const std::string code = child_text(structure, "CODE_STRUCTURE");
            if (child_text(structure, "TYPE_STRUCTURE") == "D" && !code.empty() && code != "Inactifs") {
                divisions[id] = code;
                break;
            }
        }
    }
    return divisions;
}

// Rule: pix-reference.md §3.1 "Per-pupil errors"; each error carries the INE and the line.
void check_pupil(const LearnerRecord& record, const pugi::xml_node& pupil, std::vector<ImportIssue>& errors) {
    const std::string& ine = record.key;
    if (record.last_name.empty())
        errors.push_back(make_issue("LAST_NAME_REQUIRED", ine, record.line, "NOM_DE_FAMILLE"));
    if (record.first_name.empty())
        errors.push_back(make_issue("FIRST_NAME_REQUIRED", ine, record.line, "PRENOM"));
    if (record.sex.empty())
        errors.push_back(make_issue("SEX_CODE_REQUIRED", ine, record.line, "CODE_SEXE"));
    const std::string birthdate = child_text(pupil, "DATE_NAISS");
    if (birthdate.empty())
        errors.push_back(make_issue("BIRTHDATE_REQUIRED", ine, record.line, "DATE_NAISS"));
    else if (record.birthdate.empty())
        errors.push_back(make_issue("INVALID_BIRTHDATE_FORMAT", ine, record.line, "DATE_NAISS", birthdate));
    // Rule: §3.1: CODE_PAYS 100 (France) requires the INSEE code of the birth commune.
    if (record.birth_country_code == "100" && record.birth_city_code.empty())
        errors.push_back(
            make_issue("BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", ine, record.line, "CODE_COMMUNE_INSEE_NAISS"));
}

LearnerRecord read_pupil(const pugi::xml_node& pupil, const LineIndex& lines) {
    LearnerRecord record;
    record.line = lines.line_of(pupil.offset_debug());
    record.key = upper(child_text(pupil, "ID_NATIONAL"));
    record.last_name = child_text(pupil, "NOM_DE_FAMILLE");
    record.preferred_last_name = child_text(pupil, "NOM_USAGE");
    record.first_name = child_text(pupil, "PRENOM");
    record.middle_name = child_text(pupil, "PRENOM2");
    record.third_name = child_text(pupil, "PRENOM3");
    // Rule: §3.1: CODE_SEXE 1 → M, 2 → F.
    const std::string sex = child_text(pupil, "CODE_SEXE");
    record.sex = sex == "1" ? "M" : sex == "2" ? "F" : "";
    record.birthdate = parse_french_date(child_text(pupil, "DATE_NAISS")).value_or("");
    record.birth_country_code = child_text(pupil, "CODE_PAYS");
    record.birth_province_code = child_text(pupil, "CODE_DEPARTEMENT_NAISS");
    record.birth_city_code = child_text(pupil, "CODE_COMMUNE_INSEE_NAISS");
    record.birth_city = child_text(pupil, "VILLE_NAISS");
    // Rule: §3.1: CODE_MEF may sit inside SCOLARITE_AN_DERNIER in real files.
    record.mef_code = child_text(pupil, "CODE_MEF");
    if (record.mef_code.empty())
        record.mef_code = child_text(pupil.child("SCOLARITE_AN_DERNIER"), "CODE_MEF");
    record.status = child_text(pupil, "CODE_STATUT");
    return record;
}

} // namespace

ParsedFile parse_siecle_xml(std::string_view bytes, const std::string& school_uai) {
    if (bytes.empty())
        return refused_file(make_issue("FILE_EMPTY"));
    const std::string encoding = declared_xml_encoding(bytes);
    Result<std::string> text = to_utf8(bytes, encoding);
    if (!text)
        return refused_file(make_issue(text.error().reason, "", 0, "", encoding));
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(text->data(), text->size(), pugi::parse_default, pugi::encoding_utf8);
    const LineIndex lines(*text);
    if (!parsed)
        return refused_file(make_issue("INVALID_FILE", "", lines.line_of(parsed.offset), "",
                                       std::string("XML mal formé à la ligne ") +
                                           std::to_string(lines.line_of(parsed.offset)) + " (" + parsed.description() +
                                           ")"));
    const pugi::xml_node root = document.child("BEE_ELEVES");
    if (!root)
        return refused_file(make_issue("NOT_SIECLE"));

    // Rule: §3.1 "UAI check": PARAMETRES/UAJ must equal the organisation's UAI, or UAI_MISMATCHED.
    const std::string uaj = upper(child_text(root.child("PARAMETRES"), "UAJ"));
    if (uaj.empty()) {
        ImportIssue issue = make_issue("UAI_MISMATCHED");
        issue.message = french_import_message("UAI_MISSING", "");
        return refused_file(issue);
    }
    if (uaj != upper(trimmed(school_uai)))
        return refused_file(make_issue("UAI_MISMATCHED", "", 0, "UAJ", uaj));

    const pugi::xml_node data = root.child("DONNEES");
    const std::map<std::string, std::string> divisions = divisions_by_pupil(data);
    ParsedFile file;
    std::set<std::string> seen;
    for (const pugi::xml_node& pupil : data.child("ELEVES").children("ELEVE")) {
        LearnerRecord record = read_pupil(pupil, lines);
        auto division = divisions.find(pupil.attribute("ELEVE_ID").as_string());
        // Rule: §3.1 "Skipped pupils": a leaving date, no INE, or no division.
        if (!child_text(pupil, "DATE_SORTIE").empty() || record.key.empty() || division == divisions.end()) {
            ++file.skipped;
            continue;
        }
        record.division = division->second;
        if (!seen.insert(record.key).second) {
            file.errors.push_back(make_issue("INE_UNIQUE", record.key, record.line, "ID_NATIONAL"));
            continue;
        }
        check_pupil(record, pupil, file.errors);
        file.learners.push_back(std::move(record));
    }
    // Duplicate INEs first: the seeds' system stops at that error, so it is what référents know best.
    std::stable_partition(file.errors.begin(), file.errors.end(),
                          [](const ImportIssue& issue) { return issue.code == "INE_UNIQUE"; });
    return file;
}

} // namespace numeria::organizations
