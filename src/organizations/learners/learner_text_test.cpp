#include "organizations/learners/learner_text.hpp"
#include "organizations/use_cases/import_learners.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

ParsedFile sup_file(const std::string& first_name, const std::string& last_name = "Curie") {
    return validate_import_file(ImportFormat::SupReplace,
                                "Premier prénom*;Nom de famille*;Date de naissance (jj/mm/aaaa)*;Numéro étudiant*\n" +
                                    first_name + ";" + last_name + ";07/11/2008;E001\n",
                                "");
}

TEST(LearnerText, AcceptsOrdinaryFrenchNames) {
    EXPECT_FALSE(sup_file("Marie-Hélène", "N'Guessan Le Goff").refused());
}

TEST(LearnerText, RefusesAQuotedLineBreakInAName) {
    ParsedFile file = sup_file("\"Marie\nCurie\"");

    ASSERT_TRUE(file.refused());
    EXPECT_EQ(file.errors.front().code, "TEXT_NOT_ONE_LINE");
    EXPECT_EQ(file.errors.front().field, "Premier prénom");
}

TEST(LearnerText, RefusesATabOrAnotherControlCharacter) {
    EXPECT_EQ(sup_file("Ma\trie").errors.at(0).code, "TEXT_NOT_ONE_LINE");
    EXPECT_EQ(sup_file("Ma\x1brie").errors.at(0).code, "TEXT_NOT_ONE_LINE");
}

TEST(LearnerText, RefusesANameLongerThanAHundredCharacters) {
    ParsedFile file = sup_file(std::string(101, 'a'));

    ASSERT_TRUE(file.refused());
    EXPECT_EQ(file.errors.front().code, "NAME_TOO_LONG");
}

TEST(LearnerText, CountsCharactersNotBytes) {
    std::string hundred_accented;
    for (int i = 0; i < 100; ++i)
        hundred_accented += "é";

    EXPECT_FALSE(sup_file(hundred_accented).refused());
}

TEST(LearnerText, RefusesAControlCharacterInASiecleName) {
    ParsedFile file;
    LearnerRecord record;
    record.key = "123456789AB";
    record.last_name = "CURIE\xC2\x85"; // U+0085, a C1 control, which XML 1.0 lets through
    record.line = 12;
    file.learners.push_back(record);

    check_learner_text(file);

    ASSERT_EQ(file.error_count, 1U);
    EXPECT_EQ(file.errors.front().line, 12U);
    EXPECT_EQ(file.errors.front().ine, "123456789AB");
}

} // namespace
} // namespace numeria::organizations
