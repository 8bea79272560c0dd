#include "web/class_sheet.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(ClassSheet, WritesTheCsvColumnsOfTheReference) {
    std::string csv = class_sheet_csv({{"6A", "Dupont", "Jean", "jean.dupont2412", "kqmrtz07"}});

    EXPECT_EQ(csv, "\xEF\xBB\xBF"
                   "Classe;Nom;Prénom;Identifiant;Mot de passe\r\n6A;Dupont;Jean;jean.dupont2412;kqmrtz07\r\n");
}

TEST(ClassSheet, QuotesFieldsWithSeparators) {
    EXPECT_EQ(csv_field("a;\"b\""), "\"a;\"\"b\"\"\"");
}

TEST(ClassSheet, DefusesSpreadsheetFormulas) {
    EXPECT_EQ(csv_field("=1+1"), "'=1+1");
}

TEST(ClassSheet, DrawsAPdf) {
    std::string pdf = class_sheet_pdf("Collège", "6A", {{"6A", "Dupont", "Jean", "jean.dupont2412", "kqmrtz07"}},
                                      "https://numeria.exemple.fr");

    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_GT(pdf.size(), 1000U);
}

} // namespace
} // namespace numeria::web
