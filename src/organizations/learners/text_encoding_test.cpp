#include "organizations/learners/text_encoding.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

TEST(DeclaredXmlEncoding, ReadsTheEncodingOfTheDeclaration) {
    EXPECT_EQ(declared_xml_encoding("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><A/>"), "ISO-8859-15");
}

TEST(DeclaredXmlEncoding, AcceptsSingleQuotesSpacesAndAByteOrderMark) {
    EXPECT_EQ(declared_xml_encoding("\xEF\xBB\xBF \n<?xml version='1.0' encoding = 'UTF-8'?>"), "UTF-8");
    EXPECT_EQ(declared_xml_encoding("<?xml version='1.0' encoding = 'latin9'?>"), "LATIN9");
}

TEST(DeclaredXmlEncoding, DefaultsToUtf8WithoutADeclaration) {
    EXPECT_EQ(declared_xml_encoding("<BEE_ELEVES/>"), "UTF-8");
    EXPECT_EQ(declared_xml_encoding("<?xml version=\"1.0\"?><A encoding=\"KOI8-R\"/>"), "UTF-8");
    EXPECT_EQ(declared_xml_encoding("<?xml version=\"1.0\" encoding=\"\"?>"), "UTF-8");
}

TEST(DeclaredXmlEncoding, ReadsOnlyTheFirst128Bytes) {
    EXPECT_EQ(declared_xml_encoding("<?xml version=\"1.0\"" + std::string(200, ' ') + "encoding=\"KOI8-R\"?>"),
              "UTF-8");
}

TEST(DeclaredXmlEncoding, ReadsAHugeHeadWithoutAPatternEngine) {
    EXPECT_EQ(declared_xml_encoding("<?xml " + std::string(1000000, 'e')), "UTF-8");
}

} // namespace
} // namespace numeria::organizations

namespace numeria::organizations {
namespace {

TEST(StrictUtf8, RefusesACodePointAboveTheUnicodeRangeThatIconvLetsThrough) {
    EXPECT_FALSE(to_utf8("Nom\n\xF7\x9D\x9D\xB4\n", "UTF-8").has_value());
    EXPECT_FALSE(check_utf8("\xF4\x90\x80\x80").has_value());
}

TEST(StrictUtf8, RefusesTheOldFiveByteForm) {
    EXPECT_FALSE(check_utf8("\xF8\x88\x80\x80\x80").has_value());
}

TEST(StrictUtf8, RefusesSurrogatesAndOverlongForms) {
    EXPECT_FALSE(check_utf8("\xED\xA0\x80").has_value());
    EXPECT_FALSE(check_utf8("\xC0\xAF").has_value());
}

TEST(StrictUtf8, GivesTheLineOfTheFirstBadByte) {
    Result<std::string> text = to_utf8("a\nb\nc\xFF", "UTF-8");

    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().detail, "3");
}

TEST(StrictUtf8, KeepsWellFormedTextWithoutItsBom) {
    EXPECT_EQ(to_utf8("\xEF\xBB\xBFÉlodie 🙂", "UTF-8").value(), "Élodie 🙂");
}

} // namespace
} // namespace numeria::organizations
