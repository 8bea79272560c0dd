#include "organizations/learners/import_issue.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

TEST(ImportIssue, QuotesAValueAboveTheUnicodeRangeAsAReplacementCharacter) {
    ImportIssue issue = make_issue("ZIP_SEVERAL_FILES", "", 0, "", "a\xF4\x90\x80\x80.txt", "EXTRA_ENTRY");

    EXPECT_EQ(issue.value.find("\xF4\x90"), std::string::npos);
    EXPECT_NE(issue.value.find("a\xEF\xBF\xBD"), std::string::npos);
}

TEST(ImportIssue, QuotesAControlCharacterAsAReplacementCharacter) {
    EXPECT_EQ(shortened_value("a\nb\x1b"), "a\xEF\xBF\xBD"
                                           "b\xEF\xBF\xBD");
}

TEST(ImportIssue, KeepsFrenchTextAsItIs) {
    EXPECT_EQ(shortened_value("Élodie « N'Guessan »"), "Élodie « N'Guessan »");
}

TEST(ImportIssue, CutsAHugeValue) {
    const std::string value = shortened_value(std::string(100'000, 'x'));

    EXPECT_LE(value.size(), MAX_ISSUE_VALUE + 3);
    EXPECT_EQ(value.substr(value.size() - 3), "…");
}

} // namespace
} // namespace numeria::organizations
