#include "organizations/learners/learner_identity.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

LearnerRecord person(const std::string& last, const std::string& first, const std::string& birthdate) {
    LearnerRecord record;
    record.last_name = last;
    record.first_name = first;
    record.birthdate = birthdate;
    return record;
}

TEST(FoldedName, IgnoresCaseAndAccents) {
    EXPECT_EQ(folded_name("Élodie"), folded_name("ELODIE"));
}

TEST(FoldedName, IgnoresSpacesHyphensAndApostrophes) {
    EXPECT_EQ(folded_name("Le Goff"), "legoff");
    EXPECT_EQ(folded_name("LE-GOFF"), "legoff");
    EXPECT_EQ(folded_name("N'Diaye"), folded_name("N’DIAYE"));
}

TEST(FoldedName, SpellsLigaturesInAscii) {
    EXPECT_EQ(folded_name("Cœlio"), "coelio");
    EXPECT_EQ(folded_name("Strauß"), "strauss");
}

TEST(FoldedName, KeepsLettersOfOtherScripts) {
    EXPECT_EQ(folded_name("Иванов"), "иванов");
    EXPECT_NE(folded_name("Иванов"), folded_name("Петров"));
}

TEST(SameIdentity, MatchesTheSamePersonWrittenDifferently) {
    EXPECT_TRUE(same_identity(person("Le Goff", "Élodie", "2012-03-04"), person("LE-GOFF", "ELODIE", "2012-03-04")));
}

TEST(SameIdentity, TellsAnotherLastNameApart) {
    EXPECT_FALSE(same_identity(person("Martin", "Inès", "2012-03-04"), person("Martins", "Inès", "2012-03-04")));
}

TEST(SameIdentity, TellsAnotherFirstNameApart) {
    EXPECT_FALSE(same_identity(person("Martin", "Inès", "2012-03-04"), person("Martin", "Agnès", "2012-03-04")));
}

TEST(SameIdentity, TellsAnotherBirthDateApart) {
    EXPECT_FALSE(same_identity(person("Martin", "Inès", "2012-03-04"), person("Martin", "Inès", "2012-04-03")));
}

TEST(SameIdentity, NeverMatchesNamesWithoutLetters) {
    EXPECT_FALSE(same_identity(person("-", "'", "2012-03-04"), person("", "", "2012-03-04")));
}

} // namespace
} // namespace numeria::organizations
