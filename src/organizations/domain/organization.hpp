// organization.hpp: an establishment's space in Numeria (Orga), its members and their roles.
#pragma once

#include "core/clock.hpp"

#include <optional>
#include <string>

namespace numeria::organizations {

using OrganizationId = std::int64_t;

// Rule: docs/rules/organizations.md "Types": SCO (collège, lycée), SCO-AGRI
// (agricultural schools, Fregata imports), SUP (higher education), PRO.
enum class OrganizationType { Sco, ScoAgri, Sup, Pro };

[[nodiscard]] const char* type_code(OrganizationType type);
[[nodiscard]] std::optional<OrganizationType> parse_type(std::string_view code);

enum class Role { Admin, Member };

[[nodiscard]] const char* role_code(Role role);
[[nodiscard]] std::optional<Role> parse_role(std::string_view code);

struct Organization {
    OrganizationId id = 0;
    OrganizationType type = OrganizationType::Sco;
    std::string name;
    std::optional<std::string> uai;
    bool manages_students = false; // imports its students (SCO, SCO-AGRI and SUP by default)
    EpochMs created_at = 0;
    bool archived = false; // read back only (archived_at); no command archives one yet
};

// An entry of the national directory of schools ("Annuaire de l'éducation").
struct Establishment {
    std::string uai;
    std::string name;
    std::string kind;   // Type_etablissement: Collège, Lycée…
    std::string status; // Statut_public_prive: Public, Privé
    std::string postal_code;
    std::string city;
    std::string email; // the official address: the only one activation links go to
};

} // namespace numeria::organizations
