#include "web/import_messages.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(ImportMessages, QuotesTheUaiFoundInTheFile) {
    const std::string text = french_import_message({{"code", "UAI_MISMATCHED"}, {"value", "0759999Z"}});

    EXPECT_NE(text.find("« 0759999Z »"), std::string::npos) << text;
}

TEST(ImportMessages, WordsEachReasonOfACode) {
    const std::string missing = french_import_message({{"code", "UAI_MISMATCHED"}, {"reason", "UAI_MISSING"}});
    const std::string broken = french_import_message(
        {{"code", "INVALID_FILE"}, {"reason", "XML_MALFORMED"}, {"line", 4}, {"value", "Start-end tags mismatch"}});

    EXPECT_NE(missing.find("ne contient pas l'UAI"), std::string::npos) << missing;
    EXPECT_NE(broken.find("à la ligne 4 (Start-end tags mismatch)"), std::string::npos) << broken;
}

TEST(ImportMessages, NamesTheColumnOfAPupilsError) {
    const std::string text = french_import_message({{"code", "FIELD_REQUIRED"}, {"field", "Division"}, {"line", 3}});

    EXPECT_EQ(text, "La colonne « Division » est obligatoire : elle est vide pour cet élève.");
}

TEST(ImportMessages, LeavesAPlaceholderQuotedFromTheFileAsItIs) {
    const std::string text = french_import_message({{"code", "INE_UNIQUE"}, {"ine", "{value}"}, {"value", "x"}});

    EXPECT_EQ(text, "L'INE {value} apparaît plusieurs fois dans le fichier.");
}

TEST(ImportMessages, FallsBackOnTheCodeOfAReasonItDoesNotKnow) {
    EXPECT_EQ(french_import_message({{"code", "FILE_EMPTY"}, {"reason", "NEW"}}), "Le fichier est vide.");
    EXPECT_EQ(french_import_message({{"code", "SOMETHING_NEW"}}), "Erreur « SOMETHING_NEW ».");
}

TEST(ImportMessages, AddsAMessageToEachErrorAndNotice) {
    const nlohmann::json outcome =
        with_import_messages({{"status", "IMPORTED"},
                              {"errors", {{{"code", "FILE_EMPTY"}}}},
                              {"notices", {{{"code", "ACCOUNT_NOT_INHERITED"}, {"ine", "123456789AB"}}}}});

    EXPECT_EQ(outcome["errors"][0]["message"], "Le fichier est vide.");
    EXPECT_NE(outcome["notices"][0]["message"].get<std::string>().find("123456789AB"), std::string::npos);
}

TEST(ImportMessages, KeepsTheSentenceOfAnImportRecordedWithIt) {
    const nlohmann::json outcome =
        with_import_messages({{"errors", {{{"code", "FILE_EMPTY"}, {"message", "Ancienne phrase."}}}}});

    EXPECT_EQ(outcome["errors"][0]["message"], "Ancienne phrase.");
}

TEST(ImportFormats, AreNamedInFrench) {
    EXPECT_EQ(french_import_format("siecle"), "Fichier SIECLE (XML)");
    EXPECT_EQ(french_import_format("fregata"), "Fichier CSV Fregata");
    EXPECT_EQ(french_import_format("sup-replace"), "Fichier CSV (liste remplacée)");
    EXPECT_EQ(french_import_format("sup"), "Fichier CSV (liste remplacée)");
    EXPECT_EQ(french_import_format("sup-add"), "Fichier CSV (étudiants ajoutés)");
}

TEST(ImportFormats, NeverShowAnUnknownCode) {
    EXPECT_EQ(french_import_format("csv"), "Autre fichier");
    EXPECT_EQ(french_import_format(""), "Autre fichier");
}

} // namespace
} // namespace numeria::web
