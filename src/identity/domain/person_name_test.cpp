#include "identity/domain/person_name.hpp"

#include <gtest/gtest.h>

#include <string>

namespace numeria::identity {
namespace {

TEST(PersonName, AcceptsAnAccentedNameWithHyphenAndApostrophe) {
    EXPECT_EQ(person_name_shape("Anne-Hélène D'Arcy"), NameShape::Fine);
}

TEST(PersonName, AcceptsExactly100Characters) {
    std::string name;
    for (int i = 0; i < 100; ++i)
        name += "é";
    EXPECT_EQ(person_name_shape(name), NameShape::Fine);
}

TEST(PersonName, RefusesMoreThan100Characters) {
    EXPECT_EQ(person_name_shape(std::string(101, 'a')), NameShape::TooLong);
}

TEST(PersonName, RefusesALineBreak) {
    EXPECT_EQ(person_name_shape("Anne\nCliquez ici"), NameShape::NotOneLine);
    EXPECT_EQ(person_name_shape("Anne\rProviseure"), NameShape::NotOneLine);
}

TEST(PersonName, RefusesATab) {
    EXPECT_EQ(person_name_shape("Anne\tProviseure"), NameShape::NotOneLine);
}

TEST(PersonName, RefusesUnicodeLineSeparatorsAndBidiOverrides) {
    EXPECT_EQ(person_name_shape("Anne\u2028Proviseure"), NameShape::NotOneLine);
    EXPECT_EQ(person_name_shape("Anne\u202Eerusivorp"), NameShape::NotOneLine);
}

TEST(PersonName, RefusesBytesThatAreNotUtf8) {
    EXPECT_EQ(person_name_shape("Anne \xC3"), NameShape::NotOneLine);
}

} // namespace
} // namespace numeria::identity
