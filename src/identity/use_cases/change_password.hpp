// change_password.hpp: a signed-in person chooses a new password, in particular when the current
// one was set by someone else (a one-time password, a teacher's reset): until then every page
// leads to this form (web/dispatch.cpp).
#pragma once

#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/ports.hpp"

#include <string>

namespace numeria::identity {

// Guard clauses: the account exists (user.not_found), the password policy (password.*), the new
// password differs from the current one (password.unchanged). Then the hash, and no forced change.
[[nodiscard]] Status change_password(UserId user_id, const std::string& new_password, UserRepository& users,
                                     const PasswordHasher& hasher);

} // namespace numeria::identity
