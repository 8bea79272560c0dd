#include "organizations/import/establishment_directory.hpp"

#include <gtest/gtest.h>

namespace numeria::organizations {
namespace {

constexpr const char* HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;"
                               "Statut_public_prive;Code_postal;Nom_commune;Mail;Autre\n";

TEST(EstablishmentDirectory, ReadsTheColumnsItNeeds) {
    auto directory =
        read_establishment_directory(std::string(HEADER) + "0750001a;Collège Exemple;Collège;Public;75001;Paris;"
                                                           "ce.0750001a@ac-exemple.fr;x\n");

    ASSERT_TRUE(directory.has_value());
    ASSERT_EQ(directory->establishments.size(), 1U);
    const Establishment& school = directory->establishments.front();
    EXPECT_EQ(school.uai, "0750001A");
    EXPECT_EQ(school.kind, "Collège");
    EXPECT_EQ(school.email, "ce.0750001a@ac-exemple.fr");
}

TEST(EstablishmentDirectory, ReportsARowWithAnInvalidUaiAndKeepsTheOthers) {
    auto directory = read_establishment_directory(std::string(HEADER) + "XYZ;A;Collège;Public;1;A;a@b.fr;\n" +
                                                  "0750002B;B;Lycée;Public;2;B;b@b.fr;\n");

    ASSERT_TRUE(directory.has_value());
    EXPECT_EQ(directory->establishments.size(), 1U);
    ASSERT_EQ(directory->errors.size(), 1U);
    EXPECT_EQ(directory->errors[0].line, 2U);
}

TEST(EstablishmentDirectory, KeepsTheLastRowOfADuplicateUai) {
    auto directory = read_establishment_directory(std::string(HEADER) + "0750002B;Ancien nom;Lycée;Public;2;B;;\n" +
                                                  "0750002B;Nouveau nom;Lycée;Public;2;B;;\n");

    ASSERT_EQ(directory->establishments.size(), 1U);
    EXPECT_EQ(directory->establishments[0].name, "Nouveau nom");
}

TEST(EstablishmentDirectory, RefusesAFileWithoutTheMailColumn) {
    auto directory = read_establishment_directory("Identifiant_de_l_etablissement;Nom_etablissement\n");

    ASSERT_FALSE(directory.has_value());
    EXPECT_EQ(directory.error().reason, "directory.missing_column");
}

} // namespace
} // namespace numeria::organizations
