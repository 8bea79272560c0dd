// manage_organizations.hpp: the directory of establishments and the creation of organisations
// (`numeria establishments import`, `numeria org create`, the Admin space).
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "organizations/import/establishment_directory.hpp"
#include "organizations/ports.hpp"

#include <optional>
#include <string>

namespace numeria::organizations {

struct DirectoryImported {
    int inserted = 0;
    int updated = 0;
};

// Idempotent: importing the same file twice inserts nothing the second time.
[[nodiscard]] DirectoryImported import_establishments(const Directory& directory,
                                                      EstablishmentRepository& establishments, const Clock& clock);

struct CreateOrganization {
    OrganizationType type = OrganizationType::Sco;
    std::string name;
    std::string uai; // optional for SUP and PRO
    // For test and training instances only (CLI --allow-nonstandard-uai): accept an identifier that is
    // not a real UAI, such as the "123ABC" of the sample files in tests/fixtures/students: 3 to 20 letters or
    // digits (docs/rules/organizations.md "UAI").
    bool nonstandard_uai = false;
    // Whether the organisation imports its students (docs/rules/organizations.md "Types");
    // unset: the type's default (default_manages_students).
    std::optional<bool> manages_students = std::nullopt;
};

// Rule: docs/rules/organizations.md "Types" (the national platform's "manages students" flag; SCO
// imports SIECLE or Fregata, SUP imports a CSV): schools (SCO, SCO-AGRI) and higher education (SUP)
// manage their students unless told otherwise; PRO organisations do not.
[[nodiscard]] bool default_manages_students(OrganizationType type);

// Guard clauses: a name (organization.name_required), a well-formed UAI when given and always for
// SCO/SCO-AGRI (organization.uai_invalid), a UAI not used by another organisation
// (organization.uai_taken). Manages students per `manages_students`, else the type's default.
[[nodiscard]] Result<OrganizationId> create_organization(const CreateOrganization& command,
                                                         OrganizationRepository& organizations, const Clock& clock);

} // namespace numeria::organizations
