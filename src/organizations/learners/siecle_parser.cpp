#include "organizations/learners/siecle_parser.hpp"

#include "organizations/learners/learner_rules.hpp"
#include "organizations/learners/text_encoding.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace numeria::organizations {

namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

// The ELEVE children the rules read (docs/rules/student-import.md "SIECLE XML", step 4).
enum Field : std::size_t {
    INE,
    LAST_NAME,
    USED_NAME,
    FIRST_NAME,
    SECOND_NAME,
    THIRD_NAME,
    SEX,
    BIRTHDATE,
    COUNTRY,
    PROVINCE,
    CITY_CODE,
    CITY,
    MEF,
    STATUS,
    LEFT_ON,
    FIELD_COUNT
};
constexpr std::array<const char*, FIELD_COUNT> FIELD_NAMES = {"ID_NATIONAL",
                                                              "NOM_DE_FAMILLE",
                                                              "NOM_USAGE",
                                                              "PRENOM",
                                                              "PRENOM2",
                                                              "PRENOM3",
                                                              "CODE_SEXE",
                                                              "DATE_NAISS",
                                                              "CODE_PAYS",
                                                              "CODE_DEPARTEMENT_NAISS",
                                                              "CODE_COMMUNE_INSEE_NAISS",
                                                              "VILLE_NAISS",
                                                              "CODE_MEF",
                                                              "CODE_STATUT",
                                                              "DATE_SORTIE"};

// One pupil as read: its fields (the text of the first child of each name), trimmed at the end.
struct PupilText {
    std::array<std::string, FIELD_COUNT> fields;
    std::array<bool, FIELD_COUNT> seen{};
    std::string last_year_mef; // SCOLARITE_AN_DERNIER/CODE_MEF
    std::string id;            // attribute ELEVE_ID
    std::size_t line = 0;
};

// What a kept pupil needs besides its record until the structures, which may come after the
// pupils, give the divisions.
struct PendingPupil {
    std::string id;
    std::string birthdate_text;
};

// What an element is to the reader; only the first PARAMETRES, DONNEES, ELEVES, STRUCTURES, UAJ and
// ELEVE field of their parent count, like the "child(name)" of a tree.
enum class Role {
    Other,
    Root,
    Parameters,
    Uaj,
    Data,
    Pupils,
    Pupil,
    PupilField,
    LastYear,
    LastYearMef,
    Structures,
    PupilStructures,
    Structure,
    StructureCode,
    StructureType
};

struct Frame {
    Role role = Role::Other;
    std::string* text = nullptr; // where the first text of a field element goes
    bool has_text = false;
    std::set<std::string> children; // names already met, for the "first child of that name" rule
};

// The XML error pugixml used to describe: the text of its own messages, kept for the same output.
const char* error_description(int code, const char* fallback) {
    switch (code) {
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_DOCUMENT_END:
        return "No document element found";
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_TAG_NOT_FINISHED:
        return "Start-end tags mismatch";
    case XML_ERR_LTSLASH_REQUIRED:
        return "Error parsing end element tag";
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_NAME_REQUIRED:
        return "Error parsing start element tag";
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_ATTRIBUTE_REDEFINED:
    case XML_ERR_LT_IN_ATTRIBUTE:
    case XML_ERR_EQUAL_REQUIRED:
        return "Error parsing element attribute";
    case XML_ERR_COMMENT_NOT_FINISHED:
        return "Error parsing comment";
    case XML_ERR_CDATA_NOT_FINISHED:
        return "Error parsing CDATA section";
    case XML_ERR_PI_NOT_FINISHED:
    case XML_ERR_XMLDECL_NOT_FINISHED:
        return "Error parsing document declaration/processing instruction";
    case XML_ERR_DOCTYPE_NOT_FINISHED:
        return "Error parsing document type declaration";
    default:
        return fallback;
    }
}

// Rule: docs/rules/student-import.md "SIECLE XML", step 2 (docs/adr/0007): the file is read element by element
// (libxml2's SAX2 push parser, in chunks); only the fields of the current pupil or structure are held, so the memory
// does not grow with the file beyond the records themselves.
class SiecleReader {
public:
    SiecleReader() {
        m_sax.initialized = XML_SAX2_MAGIC;
        m_sax.startElementNs = &SiecleReader::on_start;
        m_sax.endElementNs = &SiecleReader::on_end;
        m_sax.characters = &SiecleReader::on_text;
        m_sax.ignorableWhitespace = &SiecleReader::on_text;
        m_sax.cdataBlock = &SiecleReader::on_cdata;
        m_sax.comment = &SiecleReader::on_comment;
        m_sax.processingInstruction = &SiecleReader::on_instruction;
        m_sax.serror = &SiecleReader::on_error;
    }

    // Reads `text` (bytes in `encoding`, already checked valid in it); false on malformed XML.
    bool read(std::string_view text, const std::string& encoding) {
        std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> context(
            xmlCreatePushParserCtxt(&m_sax, this, nullptr, 0, nullptr), &free_context);
        if (!context)
            return fail_with(0, "mémoire insuffisante");
        m_context = context.get();
        // No network, no entity substitution; the declared encoding was read by declared_xml_encoding.
        xmlCtxtUseOptions(m_context, XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
        if (!is_utf8_name(encoding)) {
            xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding.c_str());
            if (handler == nullptr || xmlSwitchToEncoding(m_context, handler) != 0)
                return fail_with(0, "encodage " + encoding);
        }
        constexpr std::size_t chunk = std::size_t{256} * 1024;
        std::size_t done = 0;
        do {
            const std::size_t size = std::min(chunk, text.size() - done);
            const bool last = done + size == text.size();
            xmlParseChunk(m_context, text.data() + done, static_cast<int>(size), last ? 1 : 0);
            done += size;
        } while (done < text.size() && m_error.empty() && m_context->wellFormed != 0);
        if (m_error.empty() && m_context->wellFormed == 0)
            fail_with(static_cast<std::size_t>(std::max(m_context->input ? m_context->input->line : 1, 1)),
                      "XML mal formé");
        m_context = nullptr;
        return m_error.empty();
    }

    [[nodiscard]] std::size_t error_line() const { return m_error_line; }
    [[nodiscard]] const std::string& error() const { return m_error; }
    [[nodiscard]] bool is_siecle() const { return m_siecle; }
    [[nodiscard]] const std::string& uaj() const { return m_uaj; }
    std::vector<LearnerRecord>& records() { return m_records; }
    [[nodiscard]] const std::vector<PendingPupil>& pupils() const { return m_pupils; }
    [[nodiscard]] const std::map<std::string, std::string>& divisions() const { return m_divisions; }
    [[nodiscard]] int skipped() const { return m_skipped; }

private:
    static SiecleReader& self(void* context) { return *static_cast<SiecleReader*>(context); }

    // Rule: docs/rules/student-import.md "XML": a DOCTYPE makes libxml2 build a document for its
    // declarations even in SAX mode; xmlFreeParserCtxt leaves it, so it is freed here, on every path.
    static void free_context(xmlParserCtxtPtr context) {
        if (context->myDoc != nullptr) {
            xmlFreeDoc(context->myDoc);
            context->myDoc = nullptr;
        }
        xmlFreeParserCtxt(context);
    }

    bool fail_with(std::size_t line, std::string description) {
        if (m_error.empty()) {
            m_error_line = line;
            m_error = std::move(description);
        }
        return false;
    }

    static void on_error(void* context, xmlErrorPtr error) {
        if (error == nullptr || error->level != XML_ERR_FATAL)
            return; // warnings and namespace errors: a tree parser ignores them too
        std::string message = error->message != nullptr ? error->message : "";
        while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
            message.pop_back();
        self(context).fail_with(static_cast<std::size_t>(std::max(error->line, 1)),
                                error_description(error->code, message.c_str()));
    }

    // Line of the '<' of the element just opened: the parser stands at the end of its start tag.
    [[nodiscard]] std::size_t start_line() const {
        const xmlParserInput* input = m_context->input;
        int line = input->line;
        for (const xmlChar* p = input->cur; p > input->base;) {
            --p;
            if (*p == '<')
                break;
            if (*p == '\n')
                --line;
        }
        return static_cast<std::size_t>(std::max(line, 1));
    }

    // Ends the text run of the current element (one text node of a tree).
    void close_text() {
        if (m_stack.empty() || m_run.empty())
            return;
        Frame& frame = m_stack.back();
        if (frame.text != nullptr && !frame.has_text && !trimmed(m_run).empty()) {
            *frame.text = m_run;
            frame.has_text = true;
        }
        m_run.clear();
    }

    // True the first time `parent` has a child called `name`.
    static bool first_child(Frame& parent, const char* name) { return parent.children.insert(name).second; }

    Frame child_frame(const char* name, const xmlChar** attributes, int attribute_count) {
        Frame frame;
        if (m_stack.empty()) {
            m_siecle = std::strcmp(name, "BEE_ELEVES") == 0;
            frame.role = m_siecle ? Role::Root : Role::Other;
            return frame;
        }
        Frame& parent = m_stack.back();
        switch (parent.role) {
        case Role::Root:
            if (std::strcmp(name, "PARAMETRES") == 0 && first_child(parent, name))
                frame.role = Role::Parameters;
            else if (std::strcmp(name, "DONNEES") == 0 && first_child(parent, name))
                frame.role = Role::Data;
            break;
        case Role::Parameters:
            if (std::strcmp(name, "UAJ") == 0 && first_child(parent, name)) {
                frame.role = Role::Uaj;
                frame.text = &m_uaj;
            }
            break;
        case Role::Data:
            if (std::strcmp(name, "ELEVES") == 0 && first_child(parent, name))
                frame.role = Role::Pupils;
            else if (std::strcmp(name, "STRUCTURES") == 0 && first_child(parent, name))
                frame.role = Role::Structures;
            break;
        case Role::Pupils:
            if (std::strcmp(name, "ELEVE") == 0) {
                frame.role = Role::Pupil;
                m_pupil = PupilText{};
                m_pupil.id = attribute(attributes, attribute_count, "ELEVE_ID");
                m_pupil.line = start_line();
            }
            break;
        case Role::Pupil:
            for (std::size_t field = 0; field < FIELD_COUNT; ++field)
                if (std::strcmp(name, FIELD_NAMES[field]) == 0 && !m_pupil.seen[field]) {
                    m_pupil.seen[field] = true;
                    frame.role = Role::PupilField;
                    frame.text = &m_pupil.fields[field];
                }
            if (std::strcmp(name, "SCOLARITE_AN_DERNIER") == 0 && first_child(parent, name))
                frame.role = Role::LastYear;
            break;
        case Role::LastYear:
            if (std::strcmp(name, "CODE_MEF") == 0 && first_child(parent, name)) {
                frame.role = Role::LastYearMef;
                frame.text = &m_pupil.last_year_mef;
            }
            break;
        case Role::Structures:
            if (std::strcmp(name, "STRUCTURES_ELEVE") == 0) {
                frame.role = Role::PupilStructures;
                m_structures_id = attribute(attributes, attribute_count, "ELEVE_ID");
                m_division_found = false;
            }
            break;
        case Role::PupilStructures:
            if (std::strcmp(name, "STRUCTURE") == 0) {
                frame.role = Role::Structure;
                m_code.clear();
                m_type.clear();
            }
            break;
        case Role::Structure:
            if (std::strcmp(name, "CODE_STRUCTURE") == 0 && first_child(parent, name)) {
                frame.role = Role::StructureCode;
                frame.text = &m_code;
            } else if (std::strcmp(name, "TYPE_STRUCTURE") == 0 && first_child(parent, name)) {
                frame.role = Role::StructureType;
                frame.text = &m_type;
            }
            break;
        default:
            break;
        }
        return frame;
    }

    static std::string attribute(const xmlChar** attributes, int count, const char* name) {
        for (int i = 0; i < count; ++i) {
            const xmlChar** attr = attributes + static_cast<std::ptrdiff_t>(i) * 5;
            if (attr[1] == nullptr && std::strcmp(reinterpret_cast<const char*>(attr[0]), name) == 0)
                return std::string(reinterpret_cast<const char*>(attr[3]), reinterpret_cast<const char*>(attr[4]));
        }
        return "";
    }

    static void on_start(void* context, const xmlChar* localname, const xmlChar* prefix, const xmlChar*, int,
                         const xmlChar**, int attribute_count, int, const xmlChar** attributes) {
        SiecleReader& reader = self(context);
        reader.close_text();
        // A prefixed name is another element, as for a tree that compares qualified names.
        const char* name = prefix != nullptr ? "" : reinterpret_cast<const char*>(localname);
        reader.m_stack.push_back(reader.child_frame(name, attributes, attribute_count));
    }

    static void on_end(void* context, const xmlChar*, const xmlChar*, const xmlChar*) {
        SiecleReader& reader = self(context);
        reader.close_text();
        if (reader.m_stack.empty())
            return;
        const Role role = reader.m_stack.back().role;
        reader.m_stack.pop_back();
        if (role == Role::Pupil)
            reader.keep_pupil();
        else if (role == Role::Structure)
            reader.keep_structure();
    }

    static void on_text(void* context, const xmlChar* text, int length) {
        SiecleReader& reader = self(context);
        if (!reader.m_stack.empty() && reader.m_stack.back().text != nullptr && !reader.m_stack.back().has_text)
            reader.m_run.append(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
    }

    static void on_cdata(void* context, const xmlChar* text, int length) {
        SiecleReader& reader = self(context);
        reader.close_text();
        if (reader.m_stack.empty())
            return;
        Frame& frame = reader.m_stack.back();
        if (frame.text != nullptr && !frame.has_text) {
            frame.text->assign(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
            frame.has_text = true;
        }
    }

    static void on_comment(void* context, const xmlChar*) { self(context).close_text(); }
    static void on_instruction(void* context, const xmlChar*, const xmlChar*) { self(context).close_text(); }

    // Rule: docs/rules/student-import.md "SIECLE XML", step 5: the CODE_STRUCTURE of the first structure of
    // TYPE_STRUCTURE "D" of a STRUCTURES_ELEVE, ignoring the code "Inactifs"; groups ("G") are ignored.
    void keep_structure() {
        const std::string code = trimmed(m_code);
        if (!m_division_found && trimmed(m_type) == "D" && !code.empty() && code != "Inactifs") {
            m_divisions[m_structures_id] = code;
            m_division_found = true;
        }
    }

    // Rule: docs/rules/student-import.md "SIECLE XML", step 6: a leaving date or no INE; the division is
    // looked up once the whole file, structures included, has been read.
    void keep_pupil() {
        std::array<std::string, FIELD_COUNT>& field = m_pupil.fields;
        for (std::string& text : field)
            text = trimmed(text);
        LearnerRecord record;
        record.line = m_pupil.line;
        record.key = upper(field[INE]);
        if (!field[LEFT_ON].empty() || record.key.empty()) {
            ++m_skipped;
            return;
        }
        record.last_name = field[LAST_NAME];
        record.preferred_last_name = field[USED_NAME];
        record.first_name = field[FIRST_NAME];
        record.middle_name = field[SECOND_NAME];
        record.third_name = field[THIRD_NAME];
        // Rule: docs/rules/student-import.md "SIECLE XML", step 4: CODE_SEXE 1 → M, 2 → F.
        record.sex = field[SEX] == "1" ? "M" : field[SEX] == "2" ? "F" : "";
        record.birthdate = parse_french_date(field[BIRTHDATE]).value_or("");
        record.birth_country_code = field[COUNTRY];
        record.birth_province_code = field[PROVINCE];
        record.birth_city_code = field[CITY_CODE];
        record.birth_city = field[CITY];
        // Rule: docs/rules/student-import.md "SIECLE XML", step 4: CODE_MEF may sit inside SCOLARITE_AN_DERNIER in real
        // files.
        record.mef_code = field[MEF].empty() ? trimmed(m_pupil.last_year_mef) : field[MEF];
        record.status = field[STATUS];
        m_records.push_back(std::move(record));
        m_pupils.push_back(PendingPupil{std::move(m_pupil.id), field[BIRTHDATE]});
    }

    xmlSAXHandler m_sax{};
    xmlParserCtxtPtr m_context = nullptr;
    std::vector<Frame> m_stack;
    std::string m_run;
    std::size_t m_error_line = 0;
    std::string m_error;
    bool m_siecle = false;
    std::string m_uaj;
    PupilText m_pupil;
    std::vector<LearnerRecord> m_records;
    std::vector<PendingPupil> m_pupils; // one per record
    int m_skipped = 0;
    std::string m_structures_id;
    bool m_division_found = false;
    std::string m_code;
    std::string m_type;
    std::map<std::string, std::string> m_divisions;
};

// Rule: docs/rules/student-import.md "SIECLE XML", step 7; each error carries the INE and the line.
void check_pupil(const LearnerRecord& record, const std::string& birthdate, ParsedFile& file) {
    const std::string& ine = record.key;
    if (record.last_name.empty())
        file.add_error(make_issue("LAST_NAME_REQUIRED", ine, record.line, "NOM_DE_FAMILLE"));
    if (record.first_name.empty())
        file.add_error(make_issue("FIRST_NAME_REQUIRED", ine, record.line, "PRENOM"));
    if (record.sex.empty())
        file.add_error(make_issue("SEX_CODE_REQUIRED", ine, record.line, "CODE_SEXE"));
    if (birthdate.empty())
        file.add_error(make_issue("BIRTHDATE_REQUIRED", ine, record.line, "DATE_NAISS"));
    else if (record.birthdate.empty())
        file.add_error(make_issue("INVALID_BIRTHDATE_FORMAT", ine, record.line, "DATE_NAISS", birthdate));
    // Rule: docs/rules/student-import.md "SIECLE XML", step 7: CODE_PAYS 100 (France) requires the INSEE code of the
    // birth commune.
    if (record.birth_country_code == "100" && record.birth_city_code.empty())
        file.add_error(
            make_issue("BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", ine, record.line, "CODE_COMMUNE_INSEE_NAISS"));
}

} // namespace

ParsedFile parse_siecle_xml(std::string_view bytes, const std::string& school_uai) {
    if (bytes.empty())
        return refused_file(make_issue("FILE_EMPTY"));
    // Rule: docs/rules/student-import.md "SIECLE XML", step 1: the encoding= of the declaration; the whole file is
    // checked in it first, so a bad byte is reported with its line before anything else, then decoded while it is
    // parsed.
    const std::string encoding = declared_xml_encoding(bytes);
    if (Status valid = check_encoded(bytes, encoding); !valid)
        return refused_file(decoding_issue(valid.error(), encoding));
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);

    SiecleReader reader;
    if (!reader.read(bytes, encoding))
        return refused_file(make_issue("INVALID_FILE", "", reader.error_line(), "", reader.error(), "XML_MALFORMED"));
    if (!reader.is_siecle())
        return refused_file(make_issue("NOT_SIECLE"));

    // Rule: docs/rules/student-import.md "SIECLE XML", step 3: PARAMETRES/UAJ must equal the organisation's UAI, or
    // UAI_MISMATCHED.
    const std::string uaj = upper(trimmed(reader.uaj()));
    if (uaj.empty()) {
        return refused_file(make_issue("UAI_MISMATCHED", "", 0, "UAJ", "", "UAI_MISSING"));
    }
    if (uaj != upper(trimmed(school_uai)))
        return refused_file(make_issue("UAI_MISMATCHED", "", 0, "UAJ", uaj));

    ParsedFile file;
    file.skipped = reader.skipped();
    // Duplicate INEs are listed first (below): they are kept apart, each list bounded.
    ParsedFile duplicates;
    // The learners are the records kept, moved down in place: no second list of 200,000 records.
    std::vector<LearnerRecord>& records = reader.records();
    std::size_t kept = 0;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const PendingPupil& pupil = reader.pupils()[i];
        // Rule: docs/rules/student-import.md "SIECLE XML", step 6: no division.
        auto division = reader.divisions().find(pupil.id);
        if (division == reader.divisions().end()) {
            ++file.skipped;
            continue;
        }
        LearnerRecord& record = records[i];
        record.division = division->second;
        if (!seen.insert(record.key).second) {
            duplicates.add_error(make_issue("INE_UNIQUE", record.key, record.line, "ID_NATIONAL"));
            continue;
        }
        check_pupil(record, pupil.birthdate_text, file);
        if (kept != i)
            records[kept] = std::move(record);
        ++kept;
    }
    records.resize(kept);
    file.learners = std::move(records);
    // Duplicate INEs first: the national platform stops at that error, so it is what référents know best.
    std::vector<ImportIssue> others = std::move(file.errors);
    file.errors = std::move(duplicates.errors);
    for (ImportIssue& issue : others)
        if (file.errors.size() < MAX_REPORTED_ERRORS)
            file.errors.push_back(std::move(issue));
    file.error_count += duplicates.error_count;
    return file;
}

ParsedFile parse_owned_siecle_xml(std::string&& bytes, const std::string& school_uai) {
    // Streamed where it lies: no decoded copy is made, whatever the encoding.
    const std::string owned = std::move(bytes);
    return parse_siecle_xml(owned, school_uai);
}

} // namespace numeria::organizations
