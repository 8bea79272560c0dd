// establishment_directory.hpp: reads the national open-data directory of schools ("Annuaire de
// l'éducation", data.education.gouv.fr): UTF-8, ';'-separated, one school per row.
#pragma once

#include "core/result.hpp"
#include "organizations/domain/organization.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace numeria::organizations {

struct DirectoryRowError {
    std::size_t line = 0;
    std::string reason; // directory.uai_invalid
    std::string value;
};

struct Directory {
    std::vector<Establishment> establishments; // one per UAI (a later row replaces an earlier one)
    std::vector<DirectoryRowError> errors;
};

// Columns used: Identifiant_de_l_etablissement (UAI), Nom_etablissement, Type_etablissement,
// Statut_public_prive, Code_postal, Nom_commune, Mail; others are ignored. Fails with
// directory.missing_column (detail: the column) or csv.* for an unreadable file.
[[nodiscard]] Result<Directory> read_establishment_directory(std::string_view csv_text);

} // namespace numeria::organizations
