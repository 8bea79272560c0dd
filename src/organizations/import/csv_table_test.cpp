#include "organizations/import/csv_table.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

TEST(CsvTable, ReadsHeaderAndRowsWithLineNumbers) {
    auto table = CsvTable::parse("a;b\n1;2\n3;4\n", ';');

    ASSERT_TRUE(table.has_value());
    EXPECT_EQ(table->column("b"), 1);
    ASSERT_EQ(table->rows().size(), 2U);
    EXPECT_EQ(table->rows()[1].line, 3U);
    EXPECT_EQ(CsvTable::cell(table->rows()[1], 1), "4");
}

TEST(CsvTable, KeepsSeparatorsAndQuotesInsideQuotedFields) {
    auto table = CsvTable::parse("nom;ville\n\"Lycée \"\"Jean Moulin\"\"; site B\";Lyon\n", ';');

    ASSERT_TRUE(table.has_value());
    EXPECT_EQ(CsvTable::cell(table->rows()[0], 0), "Lycée \"Jean Moulin\"; site B");
}

TEST(CsvTable, IgnoresAByteOrderMarkAndBlankLines) {
    auto table = CsvTable::parse("\xEF\xBB\xBFuai;nom\r\n0750001A;X\r\n\r\n", ';');

    ASSERT_TRUE(table.has_value());
    EXPECT_EQ(table->column("uai"), 0);
    EXPECT_EQ(table->rows().size(), 1U);
}

TEST(CsvTable, RefusesAnEmptyFile) {
    EXPECT_EQ(CsvTable::parse("", ';').error().reason, "csv.empty");
}

TEST(CsvTable, ShortRowsGiveEmptyCells) {
    auto table = CsvTable::parse("a;b;c\n1\n", ';');

    EXPECT_EQ(CsvTable::cell(table->rows()[0], 2), "");
}

} // namespace
} // namespace numeria::organizations
