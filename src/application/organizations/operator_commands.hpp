// operator_commands.hpp: what the national operator does from the command line (README.md "Using the
// binary"): import the directory of establishments, create an organisation, find one by its UAI,
// make someone a national administrator (giving someone a role: add_member.hpp). Each is one
// transaction.
#pragma once

#include "application/unit_of_work.hpp"
#include "core/clock.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/use_cases/create_national_admin.hpp"
#include "organizations/use_cases/manage_organizations.hpp"

#include <optional>
#include <string>

namespace numeria::application {

// docs/rules/organizations.md: idempotent, the directory's errors are reported, not applied.
[[nodiscard]] organizations::DirectoryImported import_directory(Transactions& tx, const Clock& clock,
                                                                const organizations::Directory& directory);
// Refusals: organization.uai_taken, organization.name_required, organization.uai_invalid.
[[nodiscard]] Result<organizations::OrganizationId>
create_organization(Transactions& tx, const Clock& clock, const organizations::CreateOrganization& command);
[[nodiscard]] std::optional<organizations::Organization> find_organization_by_uai(Transactions& tx,
                                                                                  const std::string& uai);
// Refusal: user.email_invalid. A new account gets a one-time password (hashed before the
// transaction opens: docs/rules/security.md "Password hashing").
[[nodiscard]] Result<identity::NationalAdminCreated> create_national_admin(Transactions& tx, const Clock& clock,
                                                                           const identity::PasswordHasher& hasher,
                                                                           const std::string& email);

} // namespace numeria::application
