#include "organizations/learners/csv_learners.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace numeria::organizations {
namespace {

const std::string HEADER =
    "Identifiant unique*;Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;Code sexe*;"
    "Date de naissance (jj/mm/aaaa)*;Code commune naissance**;Libellé commune naissance**;Code département "
    "naissance*;Code pays naissance*;Statut*;Code MEF*;Division*\n";

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(NUMERIA_SOURCE_DIR) + "/tests/fixtures/students/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(FregataCsv, ReadsTheTwoValidPupilsOfTheSample) {
    ParsedFile file = parse_fregata_csv(fixture("siecle-csv-with-two-valid-students.csv"));

    ASSERT_FALSE(file.refused()) << file.errors.front().code;
    ASSERT_EQ(file.learners.size(), 2U);
    EXPECT_EQ(file.learners[0].key, "4581234567F");
    EXPECT_EQ(file.learners[0].birthdate, "1990-01-01");
    EXPECT_EQ(file.learners[1].birth_city, "Plymouth");
    EXPECT_EQ(file.learners[1].division, "Division 1");
}

TEST(FregataCsv, RefusesAMissingColumnByName) {
    std::string header = HEADER;
    header.replace(header.find("Division*"), 9, "Classe");

    ParsedFile file = parse_fregata_csv(header + "1;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "CSV_MISSING_COLUMN");
    EXPECT_EQ(file.errors[0].field, "Division");
}

TEST(FregataCsv, RefusesADuplicateIdentifierWithItsLine) {
    ParsedFile file = parse_fregata_csv(HEADER + "1;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n" +
                                        "1;C;;;D;;F;01/01/2010;75056;;75;99100;ST;M1;6A\n");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "IDENTIFIER_UNIQUE");
    EXPECT_EQ(file.errors[0].line, 3U);
}

TEST(FregataCsv, RefusesIdentifiersThatDifferOnlyInCase) {
    ParsedFile file = parse_fregata_csv(HEADER + "123456789ab;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n" +
                                        "123456789AB;C;;;D;;F;01/01/2010;75056;;75;99100;ST;M1;6A\n");

    ASSERT_EQ(file.errors.size(), 1U);
    EXPECT_EQ(file.errors[0].code, "IDENTIFIER_UNIQUE");
    EXPECT_EQ(file.errors[0].ine, "123456789AB");
    EXPECT_EQ(file.errors[0].line, 3U);
}

TEST(FregataCsv, RequiresTheMefCodeAndTheDepartmentOfBirth) {
    ParsedFile file = parse_fregata_csv(HEADER + "1;A;;;B;;M;01/01/2010;75056;;;99100;ST;;6A\n");

    ASSERT_EQ(file.errors.size(), 2U);
    EXPECT_EQ(file.errors[0].code, "FIELD_REQUIRED");
    EXPECT_EQ(file.errors[0].field, "Code département naissance");
    EXPECT_EQ(file.errors[1].field, "Code MEF");
}

TEST(FregataCsv, RequiresEveryStarredValue) {
    ParsedFile file = parse_fregata_csv(HEADER + ";;;;;;;;;;;;;;\n");

    std::vector<std::string> codes;
    for (const ImportIssue& issue : file.errors)
        codes.push_back(issue.code);
    EXPECT_EQ(codes,
              (std::vector<std::string>{"INE_REQUIRED", "FIRST_NAME_REQUIRED", "LAST_NAME_REQUIRED",
                                        "SEX_CODE_REQUIRED", "BIRTHDATE_REQUIRED", "FIELD_REQUIRED", "FIELD_REQUIRED",
                                        "FIELD_REQUIRED", "FIELD_REQUIRED", "DIVISION_REQUIRED"}));
}

TEST(FregataCsv, AcceptsAFileWithoutTheConditionalCommuneColumns) {
    std::string header = HEADER;
    header.erase(header.find("Code commune naissance**;"), std::string("Code commune naissance**;").size());

    ParsedFile file = parse_fregata_csv(header + "1;A;;;B;;M;01/01/2010;Plymouth;99;99132;ST;M1;6A\n");

    ASSERT_FALSE(file.refused()) << file.errors.front().code;
    EXPECT_EQ(file.learners.at(0).birth_city, "Plymouth");
}

TEST(FregataCsv, StillRequiresTheCommuneCodeOfAPupilBornInFranceWithoutItsColumn) {
    std::string header = HEADER;
    header.erase(header.find("Code commune naissance**;"), std::string("Code commune naissance**;").size());

    ParsedFile file = parse_fregata_csv(header + "1;A;;;B;;M;01/01/2010;;75;99100;ST;M1;6A\n");

    EXPECT_EQ(file.errors.at(0).code, "BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT");
}

TEST(FregataCsv, RefusesAnInvalidCountryCode) {
    ParsedFile file = parse_fregata_csv(HEADER + "1;A;;;B;;M;01/01/2010;75056;;75;100;ST;M1;6A\n");

    EXPECT_EQ(file.errors.at(0).code, "INSEE_CODE_INVALID");
}

TEST(FregataCsv, RequiresTheBirthCityOfAPupilBornAbroad) {
    ParsedFile file = parse_fregata_csv(HEADER + "1;A;;;B;;M;01/01/2010;;;99;99132;ST;M1;6A\n");

    EXPECT_EQ(file.errors.at(0).code, "BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT");
}

TEST(FregataCsv, RefusesBytesThatAreNotUtf8WithTheirLine) {
    ParsedFile file = parse_fregata_csv(HEADER + "1;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n" +
                                        "2;L\xe9\x61;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n");

    EXPECT_EQ(file.errors.at(0).code, "INVALID_CHAR_DETECTED");
    EXPECT_EQ(file.errors.at(0).line, 3U);
}

// Rule: docs/rules/student-import.md "Bounded errors": the first 100 errors and the count of all.
TEST(FregataCsv, KeepsTheFirstHundredErrorsAndCountsThemAll) {
    std::string csv = HEADER;
    for (int i = 1; i <= 5000; ++i)
        csv += std::to_string(i) + ";A;;;B;;X;01/01/2010;75056;;75;99100;ST;M1;6A\n";

    ParsedFile file = parse_fregata_csv(csv);

    EXPECT_EQ(file.errors.size(), 100U);
    EXPECT_EQ(file.error_count, 5000U);
    EXPECT_EQ(file.errors.back().line, 101U);
}

TEST(FregataCsv, KeepsNoRowOfAFileItRefuses) {
    ParsedFile file = parse_fregata_csv(HEADER + "1;A;;;B;;X;01/01/2010;75056;;75;99100;ST;M1;6A\n" +
                                        "2;A;;;B;;M;01/01/2010;75056;;75;99100;ST;M1;6A\n");

    EXPECT_TRUE(file.refused());
    EXPECT_TRUE(file.learners.empty());
}

TEST(FregataCsv, ShortensAHugeValueQuotedInAnError) {
    ParsedFile file =
        parse_fregata_csv(HEADER + "1;A;;;B;;M;" + std::string(100000, '9') + ";75056;;75;99100;ST;M1;6A\n");

    ASSERT_EQ(file.errors.at(0).code, "INVALID_BIRTHDATE_FORMAT");
    EXPECT_LE(file.errors.at(0).value.size(), MAX_ISSUE_VALUE + 3);
}

TEST(SupCsv, ReadsAStudentKeyedByStudentNumber) {
    ParsedFile file = parse_sup_csv("Premier prénom*;Nom de famille*;Date de naissance (jj/mm/aaaa)*;Numéro étudiant*;"
                                    "Groupe\nAlice;Durand;02/03/2004;E123;L1 groupe A\n");

    ASSERT_FALSE(file.refused());
    EXPECT_EQ(file.learners.at(0).key, "E123");
    EXPECT_EQ(file.learners.at(0).division, "L1 groupe A");
}

TEST(SupCsv, ReadsEveryColumnOfTheReference) {
    ParsedFile file = parse_sup_csv(
        "Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;Date de naissance (jj/mm/aaaa)*;"
        "Email;Numéro étudiant*;Composante;Équipe pédagogique;Groupe;Diplôme;Régime\n"
        "Alice;Marie;Jeanne;Durand;Roux;02/03/2004;alice@univ.fr;E123;UFR Sciences;Équipe L1;TD 3;Licence "
        "informatique;Formation initiale\n");

    ASSERT_FALSE(file.refused()) << file.errors.front().code;
    const LearnerRecord& student = file.learners.at(0);
    EXPECT_EQ(student.email, "alice@univ.fr");
    EXPECT_EQ(student.department, "UFR Sciences");
    EXPECT_EQ(student.educational_team, "Équipe L1");
    EXPECT_EQ(student.division, "TD 3");
    EXPECT_EQ(student.diploma, "Licence informatique");
    EXPECT_EQ(student.study_scheme, "Formation initiale");
}

TEST(SupCsv, RefusesADuplicateStudentNumber) {
    ParsedFile file = parse_sup_csv("Premier prénom*;Nom de famille*;Date de naissance (jj/mm/aaaa)*;Numéro étudiant*\n"
                                    "Alice;Durand;02/03/2004;E1\nBob;Roux;02/03/2004;E1\n");

    EXPECT_EQ(file.errors.at(0).code, "STUDENT_NUMBER_UNIQUE");
}

} // namespace
} // namespace numeria::organizations
