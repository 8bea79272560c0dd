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
// Built before the in-place parse (which overwrites some bytes), 4 bytes per line.
class LineIndex {
public:
    explicit LineIndex(const std::string& text) {
        m_breaks.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                m_breaks.push_back(static_cast<std::uint32_t>(i));
    }
    [[nodiscard]] std::size_t line_of(std::ptrdiff_t offset) const {
        return static_cast<std::size_t>(
                   std::lower_bound(m_breaks.begin(), m_breaks.end(),
                                    static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(offset, 0))) -
                   m_breaks.begin()) +
               1;
    }

private:
    std::vector<std::uint32_t> m_breaks; // files are at most 200 MB (zip_extract.hpp)
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

// Parses UTF-8 `text` in place: pugixml keeps pointers into it instead of copying it, and only the
// node types the rules read are built (elements, text; PCDATA stored inside its element).
ParsedFile parse_decoded(std::string& text, const std::string& school_uai) {
    const LineIndex lines(text);
    pugi::xml_document document;
    const unsigned int options = (pugi::parse_default | pugi::parse_embed_pcdata) & ~pugi::parse_eol;
    const pugi::xml_parse_result parsed =
        document.load_buffer_inplace(text.data(), text.size(), options, pugi::encoding_utf8);
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
    // One allocation of the right size: a growing vector would hold its old and new blocks at once.
    const pugi::xml_object_range pupils = data.child("ELEVES").children("ELEVE");
    file.learners.reserve(static_cast<std::size_t>(std::distance(pupils.begin(), pupils.end())));
    std::set<std::string> seen;
    for (const pugi::xml_node& pupil : pupils) {
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

} // namespace

ParsedFile parse_siecle_xml(std::string_view bytes, const std::string& school_uai) {
    if (bytes.empty())
        return refused_file(make_issue("FILE_EMPTY"));
    const std::string encoding = declared_xml_encoding(bytes);
    Result<std::string> text = to_utf8(bytes, encoding);
    if (!text)
        return refused_file(decoding_issue(text.error(), encoding));
    return parse_decoded(*text, school_uai);
}

ParsedFile parse_owned_siecle_xml(std::string&& bytes, const std::string& school_uai) {
    if (bytes.empty())
        return refused_file(make_issue("FILE_EMPTY"));
    const std::string encoding = declared_xml_encoding(bytes);
    std::string text;
    if (is_utf8_name(encoding)) {
        // Already UTF-8: checked without a copy, then parsed where it lies.
        if (Status valid = check_utf8(bytes); !valid)
            return refused_file(decoding_issue(valid.error(), encoding));
        if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
            bytes.erase(0, 3);
        text = std::move(bytes);
    } else {
        Result<std::string> converted = to_utf8(bytes, encoding);
        if (!converted)
            return refused_file(decoding_issue(converted.error(), encoding));
        std::string().swap(bytes); // the raw file is no longer needed: free it before parsing
        text = std::move(*converted);
    }
    return parse_decoded(text, school_uai);
}

} // namespace numeria::organizations
