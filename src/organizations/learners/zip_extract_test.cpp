#include "organizations/learners/zip_extract.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>

namespace numeria::organizations {
namespace {

// Builds a ZIP in memory with libzip.
std::string make_zip(const std::map<std::string, std::string>& files) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    for (const auto& [name, content] : files) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    }
    zip_close(archive);
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(buffer);
    zip_source_free(buffer);
    return bytes;
}

std::string issue_code(const std::variant<std::string, ImportIssue>& result) {
    return std::holds_alternative<ImportIssue>(result) ? std::get<ImportIssue>(result).code : "";
}

TEST(ZipExtract, RecognisesAZipByItsContent) {
    EXPECT_TRUE(looks_like_zip(make_zip({{"a.xml", "<a/>"}})));
    EXPECT_FALSE(looks_like_zip("<?xml version=\"1.0\"?>"));
}

TEST(ZipExtract, ReturnsTheSingleXmlFile) {
    auto result = extract_single_xml(make_zip({{"export/ElevesSansAdresses.xml", "<BEE_ELEVES/>"}}));

    ASSERT_TRUE(std::holds_alternative<std::string>(result));
    EXPECT_EQ(std::get<std::string>(result), "<BEE_ELEVES/>");
}

TEST(ZipExtract, RefusesTwoXmlFiles) {
    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{"a.xml", "<a/>"}, {"b.xml", "<b/>"}}))), "ZIP_SEVERAL_FILES");
}

TEST(ZipExtract, RefusesAHiddenFile) {
    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{"a.xml", "<a/>"}, {".cache", "x"}}))), "ZIP_SEVERAL_FILES");
}

TEST(ZipExtract, RefusesAHiddenFolder) {
    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{"a.xml", "<a/>"}, {"__MACOSX/._a.xml", "x"}}))),
              "ZIP_SEVERAL_FILES");
}

TEST(ZipExtract, RefusesAnArchiveWithoutXml) {
    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{"eleves.csv", "a;b"}}))), "ZIP_NO_XML");
}

TEST(ZipExtract, SaysThereIsNoXmlWhenTheOnlyFileIsText) {
    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{"a.txt", "bonjour"}}))), "ZIP_NO_XML");
}

TEST(ZipExtract, RefusesAnExtraFileBesideTheXml) {
    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{"a.xml", "<a/>"}, {"a.txt", "x"}}))), "ZIP_SEVERAL_FILES");
}

TEST(ZipExtract, RefusesABombAboveOneHundredTimesItsSize) {
    const std::string zeros(std::size_t{5} * 1024 * 1024, '0');

    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{"a.xml", zeros}}))), "ZIP_TOO_LARGE");
}

// Rule: docs/rules/student-import.md "ZIP entry names": a long name is refused, never matched by a
// recursive pattern (a 26,000-character name overflowed the stack of std::regex_match).
TEST(ZipExtract, RefusesADeepEntryNameOf26000CharactersWithoutCrashing) {
    std::string deep;
    while (deep.size() < 26000)
        deep += "d/";

    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{deep + "a.xml", "<a/>"}}))), "ZIP_NAME_TOO_LONG");
}

TEST(ZipExtract, RefusesTheLongestNameAZipCanHold) {
    const std::string name = std::string(65535 - 4, 'a') + ".xml"; // a ZIP stores a name's length on 16 bits

    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{name, "<a/>"}}))), "ZIP_NAME_TOO_LONG");
}

TEST(ZipExtract, ClassifiesANameOf100000CharactersAsTooLong) {
    EXPECT_EQ(classify_entry_name(std::string(100000, 'a') + ".xml"), ZipEntryKind::TooLong);
    EXPECT_EQ(classify_entry_name(std::string(100000, '/')), ZipEntryKind::TooLong);
}

TEST(ZipExtract, RefusesAComponentLongerThan255Bytes) {
    EXPECT_EQ(issue_code(extract_single_xml(make_zip({{std::string(256, 'a') + "/a.xml", "<a/>"}}))),
              "ZIP_NAME_TOO_LONG");
}

TEST(ZipExtract, AcceptsAnXmlFileInNestedFolders) {
    auto result = extract_single_xml(make_zip({{"export/2026/Eleves.XML", "<BEE_ELEVES/>"}}));

    EXPECT_TRUE(std::holds_alternative<std::string>(result));
}

TEST(ZipExtract, ClassifiesEntryNamesLikeTheReferencePattern) {
    EXPECT_EQ(classify_entry_name("a.xml"), ZipEntryKind::Xml);
    EXPECT_EQ(classify_entry_name("dossier/a.Xml"), ZipEntryKind::Xml);
    EXPECT_EQ(classify_entry_name("dossier/"), ZipEntryKind::Folder);
    EXPECT_EQ(classify_entry_name(".xml"), ZipEntryKind::Hidden);
    EXPECT_EQ(classify_entry_name("d/.cache/a.xml"), ZipEntryKind::Hidden);
    EXPECT_EQ(classify_entry_name("a.xml.txt"), ZipEntryKind::Other);
    EXPECT_EQ(classify_entry_name("/a.xml"), ZipEntryKind::Other);
    EXPECT_EQ(classify_entry_name("d//a.xml"), ZipEntryKind::Other);
    EXPECT_EQ(classify_entry_name("xml"), ZipEntryKind::Other);
}

TEST(ZipExtract, RefusesBytesThatAreNotAnArchive) {
    EXPECT_EQ(issue_code(extract_single_xml("PK\x03\x04 garbage")), "INVALID_FILE");
}

} // namespace
} // namespace numeria::organizations
