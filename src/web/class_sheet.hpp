// class_sheet.hpp: the class sheet of pupils' credentials a teacher downloads after generating
// them (docs/rules/accounts.md "Pupils' credentials": CSV "Classe;Nom;Prénom;Identifiant;Mot de passe"),
// and its printable PDF version drawn with cairo and pango, one card per pupil to cut out.
#pragma once

#include "application/learners/class_credentials.hpp"

#include <string>
#include <vector>

namespace numeria::web {

using CredentialLine = application::CredentialLine;

// UTF-8 with a BOM (spreadsheet programs then read the accents right), ';'-separated, CRLF.
[[nodiscard]] std::string class_sheet_csv(const std::vector<CredentialLine>& lines);

// A4 pages, 8 cards each to cut out; the title names the organisation and the class; every card
// gives the site's address (`site_url`) and the log-in steps.
[[nodiscard]] std::string class_sheet_pdf(const std::string& organization, const std::string& division,
                                          const std::vector<CredentialLine>& lines, const std::string& site_url);

// One CSV field: quoted when it holds ';', '"' or a line break; a leading =, +, - or @ is
// prefixed with ' so spreadsheets never run it as a formula.
[[nodiscard]] std::string csv_field(const std::string& value);

} // namespace numeria::web
