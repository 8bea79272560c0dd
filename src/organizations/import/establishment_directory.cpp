#include "organizations/import/establishment_directory.hpp"

#include "organizations/domain/uai.hpp"
#include "organizations/import/csv_table.hpp"

#include <map>

namespace numeria::organizations {

Result<Directory> read_establishment_directory(std::string_view csv_text) {
    NUMERIA_TRY(CsvTable table, CsvTable::parse(csv_text, ';'));
    const char* required[] = {"Identifiant_de_l_etablissement",
                              "Nom_etablissement",
                              "Type_etablissement",
                              "Statut_public_prive",
                              "Code_postal",
                              "Nom_commune",
                              "Mail"};
    int columns[7];
    for (int i = 0; i < 7; ++i) {
        columns[i] = table.column(required[i]);
        if (columns[i] < 0)
            return fail(Error::invalid("directory.missing_column", required[i]));
    }
    Directory directory;
    std::map<std::string, std::size_t> position;
    for (const CsvRow& row : table.rows()) {
        const std::string raw_uai = CsvTable::cell(row, columns[0]);
        std::optional<std::string> uai = normalize_uai(raw_uai);
        if (!uai) {
            directory.errors.push_back({row.line, "directory.uai_invalid", raw_uai});
            continue;
        }
        Establishment establishment{*uai,
                                    CsvTable::cell(row, columns[1]),
                                    CsvTable::cell(row, columns[2]),
                                    CsvTable::cell(row, columns[3]),
                                    CsvTable::cell(row, columns[4]),
                                    CsvTable::cell(row, columns[5]),
                                    CsvTable::cell(row, columns[6])};
        if (auto found = position.find(*uai); found != position.end()) {
            directory.establishments[found->second] = std::move(establishment);
        } else {
            position[*uai] = directory.establishments.size();
            directory.establishments.push_back(std::move(establishment));
        }
    }
    return directory;
}

} // namespace numeria::organizations
