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
