// change_password.hpp: a signed-in person chooses a new password, in particular when the current
// one was set by someone else (a one-time password, a teacher's reset): until then every page
// leads to this form (web/dispatch.cpp).
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/ports.hpp"

#include <string>

namespace numeria::identity {

// The steps, so hashing runs outside any transaction:
// 1. read the account (user.not_found);
// 2. prepare_new_password (no transaction): the password policy (password.*), a password that
//    differs from the current one (password.unchanged), then its hash;
// 3. store_new_password (in a transaction): the hash, no forced change, and every other session
//    and API token of the user revoked, the one in use (`kept_session_digest`) kept
//    (docs/rules/security.md, "Password changes").
[[nodiscard]] Result<std::string> prepare_new_password(const std::string& new_password, const User& account,
                                                       const PasswordHashing& hashing);
void store_new_password(UserId user_id, const std::string& password_hash, const std::string& kept_session_digest,
                        UserRepository& users, SessionRepository& sessions, const Clock& clock);

// The form of "Changer mon mot de passe": the new password typed twice, and the current one when
// the change is voluntary.
struct PasswordChange {
    std::string current;
    std::string new_password;
    std::string confirmation;
};

// Rule: docs/rules/accounts.md "Changing one's password": a voluntary change asks for the current
// password; a forced change does not (the person has just logged in with it).
[[nodiscard]] bool asks_current_password(const User& account);

// Step 2 of a change made through the form (no transaction): the current password given when it is
// asked (password.current_required), the password policy (password.*), the confirmation equal to
// the new password (password.confirmation_mismatch), the current password right
// (password.current_wrong), then prepare_new_password.
[[nodiscard]] Result<std::string> prepare_password_change(const PasswordChange& change, const User& account,
                                                          const PasswordHashing& hashing);

// The steps in one call (for the tests).
[[nodiscard]] Status change_password(UserId user_id, const std::string& new_password,
                                     const std::string& kept_session_digest, UserRepository& users,
                                     SessionRepository& sessions, const PasswordHashing& hashing, const Clock& clock);

} // namespace numeria::identity
