// operator_account.hpp: the account an operator's command names by e-mail (`numeria org
// add-member`): found, or created with the given names and a one-time password to change at
// first log-in (docs/rules/organizations.md "Operator commands").
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/ports.hpp"
#include "identity/use_cases/create_national_admin.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

struct OperatorAccount {
    std::string email;
    std::string first_name; // used only when no account has the e-mail
    std::string last_name;
};

struct OperatorAccountFound {
    UserId user_id = 0;
    std::optional<std::string> one_time_password; // set only when the account was created
};

// Refusals: user.email_invalid, user.email_too_long; for a new account, the names are checked like
// sign-up's: user.first_name_required, user.last_name_required, user.<field>_too_long,
// user.<field>_not_one_line. An existing account is left as it is (names and password).
[[nodiscard]] Result<OperatorAccountFound> find_or_create_account(const OperatorAccount& request, UserRepository& users,
                                                                  const PreparedPassword& prepared, const Clock& clock);

} // namespace numeria::identity
