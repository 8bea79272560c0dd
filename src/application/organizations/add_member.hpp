// add_member.hpp: `numeria org add-member`, the operator's way to give someone a role in an
// organisation (docs/rules/organizations.md "Operator commands"). One transaction.
#pragma once

#include "application/unit_of_work.hpp"
#include "core/clock.hpp"
#include "identity/domain/password_hasher.hpp"
#include "organizations/domain/organization.hpp"

#include <optional>
#include <string>

namespace numeria::application {

struct AddMember {
    std::string organization; // its id, or its UAI
    std::string email;
    organizations::Role role = organizations::Role::Member;
    std::string first_name; // for a new account only
    std::string last_name;
};

struct MemberAdded {
    identity::UserId user_id = 0;
    organizations::OrganizationId organization_id = 0;
    std::optional<std::string> one_time_password; // set when the account was created
};

// Refusals (nothing written): organization.not_found, organization.archived, user.email_invalid,
// user.email_too_long, user.first_name_required, user.last_name_required, user.<name>_too_long,
// user.<name>_not_one_line, membership.last_admin. The one-time password is hashed before the
// transaction opens (docs/rules/security.md "Password hashing").
[[nodiscard]] Result<MemberAdded> add_member(Transactions& tx, const Clock& clock,
                                             const identity::PasswordHasher& hasher, const AddMember& command);

} // namespace numeria::application
