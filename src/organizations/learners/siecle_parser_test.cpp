#include "organizations/learners/siecle_parser.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace numeria::organizations {
namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(NUMERIA_SOURCE_DIR) + "/tests/fixtures/students/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string siecle(const std::string& uaj, const std::string& pupils, const std::string& structures) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BEE_ELEVES VERSION=\"2.1\"><PARAMETRES><UAJ>" + uaj +
           "</UAJ></PARAMETRES>\n<DONNEES><ELEVES>\n" + pupils + "</ELEVES><STRUCTURES>" + structures +
           "</STRUCTURES></DONNEES></BEE_ELEVES>";
}

std::string pupil(const std::string& id, const std::string& ine, const std::string& extra = "") {
    return "<ELEVE ELEVE_ID=\"" + id + "\"><ID_NATIONAL>" + ine +
           "</ID_NATIONAL><NOM_DE_FAMILLE>Martin</NOM_DE_FAMILLE><PRENOM>Inès</PRENOM><CODE_SEXE>2</CODE_SEXE>"
           "<DATE_NAISS>24/12/2011</DATE_NAISS><CODE_PAYS>100</CODE_PAYS><CODE_COMMUNE_INSEE_NAISS>75056"
           "</CODE_COMMUNE_INSEE_NAISS>" +
           extra + "</ELEVE>\n";
}

std::string division(const std::string& id, const std::string& code) {
    return "<STRUCTURES_ELEVE ELEVE_ID=\"" + id + "\"><STRUCTURE><CODE_STRUCTURE>" + code +
           "</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>";
}

TEST(SiecleParser, ReadsTheTwoValidPupilsOfTheSample) {
    ParsedFile file = parse_siecle_xml(fixture("siecle-with-two-valid-students.xml"), "123ABC");

    ASSERT_FALSE(file.refused());
    ASSERT_EQ(file.learners.size(), 2U);
    EXPECT_EQ(file.learners[0].key, "00000000123");
    EXPECT_EQ(file.learners[0].sex, "F");
    EXPECT_EQ(file.learners[0].birthdate, "1994-12-31");
    EXPECT_EQ(file.learners[0].division, "4A");
    EXPECT_EQ(file.learners[1].middle_name, "Cocœ");
    EXPECT_EQ(file.learners[1].preferred_last_name, "COJAUNE");
}

TEST(SiecleParser, SkipsEveryPupilThatLeftOrHasNoInePlaceOrClass) {
    ParsedFile file = parse_siecle_xml(fixture("siecle-with-registrations-no-longer-in-school.xml"), "123ABC");

    EXPECT_FALSE(file.refused());
    EXPECT_TRUE(file.learners.empty());
    EXPECT_EQ(file.skipped, 5);
}

TEST(SiecleParser, RefusesADuplicateIneWithItsLine) {
    ParsedFile file = parse_siecle_xml(fixture("siecle-with-duplicate-national-student-id.xml"), "123ABC");

    ASSERT_FALSE(file.errors.empty());
    EXPECT_EQ(file.errors[0].code, "INE_UNIQUE");
    EXPECT_EQ(file.errors[0].ine, "00000000123");
    EXPECT_GT(file.errors[0].line, 8U);
}

TEST(SiecleParser, AlsoReportsTheOtherErrorsOfTheFile) {
    ParsedFile file = parse_siecle_xml(fixture("siecle-with-duplicate-national-student-id.xml"), "123ABC");

    ASSERT_EQ(file.errors.size(), 2U);
    EXPECT_EQ(file.errors[1].code, "SEX_CODE_REQUIRED");
}

TEST(SiecleParser, ReadsTheMefCodeNestedInLastYearsSchooling) {
    ParsedFile file = parse_siecle_xml(fixture("siecle-with-duplicate-national-student-id.xml"), "123ABC");

    EXPECT_EQ(file.learners[0].mef_code, "123456789");
}

TEST(SiecleParser, RefusesAnotherSchoolsFile) {
    ParsedFile file = parse_siecle_xml(fixture("siecle-with-wrong-uai.xml"), "123ABC");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "UAI_MISMATCHED");
    EXPECT_EQ(file.errors[0].value, "WRONGUAI");
}

TEST(SiecleParser, RefusesAFileWithoutUaj) {
    ParsedFile file = parse_siecle_xml(siecle("", pupil("1", "1234567890A"), division("1", "6B")), "0759901A");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "UAI_MISMATCHED");
    EXPECT_EQ(file.errors[0].reason, "UAI_MISSING");
}

TEST(SiecleParser, ComparesTheUaiWithoutCase) {
    ParsedFile file = parse_siecle_xml(siecle("0759901a", pupil("1", "1234567890A"), division("1", "6B")), "0759901A");

    EXPECT_FALSE(file.refused());
}

TEST(SiecleParser, RefusesBrokenXmlWithItsLine) {
    ParsedFile file = parse_siecle_xml("<?xml version=\"1.0\"?>\n<BEE_ELEVES>\n<PARAMETRES>\n</BEE_ELEVES>", "X");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "INVALID_FILE");
    EXPECT_EQ(file.errors[0].reason, "XML_MALFORMED");
    EXPECT_GT(file.errors[0].line, 0U);
}

TEST(SiecleParser, RefusesAnUnknownEncoding) {
    ParsedFile file = parse_siecle_xml("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><BEE_ELEVES/>", "X");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "ENCODING_NOT_SUPPORTED");
}

TEST(SiecleParser, AcceptsAUtf8ByteOrderMark) {
    ParsedFile file = parse_siecle_xml(
        "\xEF\xBB\xBF" + siecle("0759901A", pupil("1", "1234567890A"), division("1", "6B")), "0759901A");

    ASSERT_FALSE(file.refused());
    EXPECT_EQ(file.learners[0].first_name, "Inès");
}

TEST(SiecleParser, GivesTheLineOfAByteThatIsNotUtf8) {
    ParsedFile file = parse_siecle_xml(
        siecle("0759901A", pupil("1", "1234567890A", "<VILLE_NAISS>S\xe8te</VILLE_NAISS>"), division("1", "6B")),
        "0759901A");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "INVALID_CHAR_DETECTED");
    EXPECT_EQ(file.errors[0].line, 4U);
}

TEST(SiecleParser, ReadsAFileItIsGivenLikeAView) {
    const std::string xml = "\xEF\xBB\xBF" + siecle("0759901A", pupil("1", "1234567890A"), division("1", "6B"));

    ParsedFile file = parse_owned_siecle_xml(std::string(xml), "0759901A");

    ASSERT_FALSE(file.refused());
    EXPECT_EQ(file.learners, parse_siecle_xml(xml, "0759901A").learners);
    EXPECT_EQ(file.learners.at(0).line, 4U);
}

TEST(SiecleParser, ConvertsAnIso885915FileItIsGiven) {
    ParsedFile file = parse_owned_siecle_xml(fixture("siecle-with-two-valid-students.xml"), "123ABC");

    ASSERT_FALSE(file.refused());
    EXPECT_EQ(file.learners, parse_siecle_xml(fixture("siecle-with-two-valid-students.xml"), "123ABC").learners);
}

TEST(SiecleParser, GivesTheLineOfABadByteInAFileItIsGiven) {
    ParsedFile file = parse_owned_siecle_xml(
        siecle("0759901A", pupil("1", "1234567890A", "<VILLE_NAISS>S\xe8te</VILLE_NAISS>"), division("1", "6B")),
        "0759901A");

    EXPECT_EQ(file.errors.at(0).line, 4U);
}

TEST(SiecleParser, RefusesAnXmlThatIsNotASiecleExport) {
    ParsedFile file = parse_siecle_xml("<?xml version=\"1.0\"?><ELEVES/>", "X");

    EXPECT_EQ(file.errors.at(0).code, "NOT_SIECLE");
}

TEST(SiecleParser, ReportsAMissingSexCode) {
    std::string without_sex = pupil("1", "1234567890A");
    without_sex.replace(without_sex.find("<CODE_SEXE>2</CODE_SEXE>"), 24, "");

    ParsedFile file = parse_siecle_xml(siecle("0759901A", without_sex, division("1", "6B")), "0759901A");

    EXPECT_EQ(file.errors.at(0).code, "SEX_CODE_REQUIRED");
    EXPECT_EQ(file.errors.at(0).ine, "1234567890A");
}

TEST(SiecleParser, ReportsAnImpossibleBirthdate) {
    std::string pupil_text = pupil("1", "1234567890A");
    pupil_text.replace(pupil_text.find("24/12/2011"), 10, "31/02/2011");

    ParsedFile file = parse_siecle_xml(siecle("0759901A", pupil_text, division("1", "6B")), "0759901A");

    EXPECT_EQ(file.errors.at(0).code, "INVALID_BIRTHDATE_FORMAT");
}

TEST(SiecleParser, RequiresTheBirthCommuneOfAPupilBornInFrance) {
    std::string pupil_text = pupil("1", "1234567890A");
    pupil_text.replace(pupil_text.find("75056"), 5, "");

    ParsedFile file = parse_siecle_xml(siecle("0759901A", pupil_text, division("1", "6B")), "0759901A");

    EXPECT_EQ(file.errors.at(0).code, "BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT");
}

TEST(SiecleParser, ReportsAMissingFirstName) {
    std::string pupil_text = pupil("1", "1234567890A");
    pupil_text.replace(pupil_text.find("Inès"), 5, "");

    ParsedFile file = parse_siecle_xml(siecle("0759901A", pupil_text, division("1", "6B")), "0759901A");

    EXPECT_EQ(file.errors.at(0).code, "FIRST_NAME_REQUIRED");
}

TEST(SiecleParser, ReadsStructuresThatComeBeforeThePupils) {
    const std::string xml = "<?xml version=\"1.0\"?>\n<BEE_ELEVES><DONNEES><STRUCTURES>" + division("1", "6B") +
                            "</STRUCTURES><ELEVES>" + pupil("1", "1234567890A") +
                            "</ELEVES></DONNEES><PARAMETRES><UAJ>0759901A</UAJ></PARAMETRES></BEE_ELEVES>";

    ParsedFile file = parse_siecle_xml(xml, "0759901A");

    ASSERT_EQ(file.learners.size(), 1U);
    EXPECT_EQ(file.learners[0].division, "6B");
}

TEST(SiecleParser, GivesTheLineOfThePupilsOpeningBracket) {
    std::string split = pupil("1", "1234567890A");
    split.replace(split.find(" ELEVE_ID"), 1, "\n\n");

    ParsedFile file = parse_siecle_xml(
        siecle("0759901A", split + pupil("2", "1234567890A"), division("1", "6B") + division("2", "6B")), "0759901A");

    EXPECT_EQ(file.learners.at(0).line, 4U);
    EXPECT_EQ(file.errors.at(0).line, 7U);
}

TEST(SiecleParser, CountsLinesBeyondSixtyFiveThousand) {
    ParsedFile file = parse_siecle_xml(
        siecle("0759901A", std::string(70000, '\n') + pupil("1", "1234567890A"), division("1", "6B")), "0759901A");

    EXPECT_EQ(file.learners.at(0).line, 70004U);
}

TEST(SiecleParser, GivesTheLineOfAnUnclosedTag) {
    ParsedFile file = parse_siecle_xml("<?xml version=\"1.0\"?>\n<BEE_ELEVES>\n<PARAMETRES>\n</BEE_ELEVES>", "X");

    EXPECT_EQ(file.errors.at(0).line, 4U);
    EXPECT_NE(file.errors.at(0).value.find("Start-end tags mismatch"), std::string::npos);
}

TEST(SiecleParser, ReadsOnlyTheFirstTextOfAField) {
    const std::string text = pupil(
        "1", "1234567890A", "<VILLE_NAISS> <!-- c --> Sète <![CDATA[x]]></VILLE_NAISS><VILLE_NAISS>Y</VILLE_NAISS>");

    ParsedFile file = parse_siecle_xml(siecle("0759901A", text, division("1", "6B")), "0759901A");

    EXPECT_EQ(file.learners.at(0).birth_city, "Sète");
}

// Rule: docs/rules/student-import.md "Bounded errors": a file with an error on every pupil keeps the
// first 100 and counts them all.
TEST(SiecleParser, KeepsTheFirstHundredPupilErrorsAndCountsThemAll) {
    std::string pupils;
    std::string divisions;
    for (int i = 1; i <= 300; ++i) {
        std::string text = pupil(std::to_string(i), std::to_string(1000000000 + i) + "A");
        text.replace(text.find("<CODE_SEXE>2</CODE_SEXE>"), 24, "");
        pupils += text;
        divisions += division(std::to_string(i), "6B");
    }

    ParsedFile file = parse_siecle_xml(siecle("0759901A", pupils, divisions), "0759901A");

    EXPECT_EQ(file.errors.size(), 100U);
    EXPECT_EQ(file.error_count, 300U);
    EXPECT_TRUE(file.refused());
}

TEST(SiecleParser, ListsADuplicateIneFirstEvenAfterAHundredOtherErrors) {
    std::string pupils;
    std::string divisions;
    for (int i = 1; i <= 150; ++i) {
        std::string text = pupil(std::to_string(i), std::to_string(1000000000 + i) + "A");
        text.replace(text.find("<CODE_SEXE>2</CODE_SEXE>"), 24, "");
        pupils += text;
        divisions += division(std::to_string(i), "6B");
    }
    pupils += pupil("151", "1000000001A");
    divisions += division("151", "6B");

    ParsedFile file = parse_siecle_xml(siecle("0759901A", pupils, divisions), "0759901A");

    EXPECT_EQ(file.errors.at(0).code, "INE_UNIQUE");
    EXPECT_EQ(file.error_count, 151U);
}

// Rule: docs/rules/student-import.md "XML": what libxml2 builds for a DOCTYPE is freed (LeakSanitizer
// checks it: the unit tests run with detect_leaks=1).
TEST(SiecleParser, ReadsAFileWithADoctypeWithoutLeakingIt) {
    const std::string xml = siecle("0759901A", pupil("1", "1234567890A"), division("1", "6B"));
    const std::string with_doctype =
        xml.substr(0, xml.find('\n') + 1) +
        "<!DOCTYPE BEE_ELEVES [<!ELEMENT BEE_ELEVES ANY><!ENTITY nom \"Martin\"><!ATTLIST ELEVE ELEVE_ID CDATA "
        "#IMPLIED>]>\n" +
        xml.substr(xml.find('\n') + 1);

    ParsedFile file = parse_siecle_xml(with_doctype, "0759901A");

    ASSERT_FALSE(file.refused());
    EXPECT_EQ(file.learners.size(), 1U);
}

} // namespace
} // namespace numeria::organizations
