// password_reset.hpp: "Mot de passe oublié": a single-use link valid 24 hours, sent to the
// account's e-mail; following it lets the person choose a new password.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/ports.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

// Rule: docs/rules/accounts.md "Password reset": the reset link is valid 24 h.
constexpr EpochMs PASSWORD_RESET_LIFETIME_MS = 24LL * 60 * 60 * 1000;

struct PasswordResetRequested {
    std::string email; // where to send the link
    std::string token; // goes in the link only
};

// Nothing when no account has this e-mail, or when the account (3 an hour) or the address (20 an
// hour) asked too often (docs/rules/security.md, "Sign-up and reset limits"): the page answers the
// same either way, so it reveals neither which addresses have an account nor the limits.
[[nodiscard]] std::optional<PasswordResetRequested>
request_password_reset(const std::string& email, const std::string& remote_address, UserRepository& users,
                       OneTimeTokenRepository& tokens, ThrottleRepository& throttle, const Clock& clock);

// The steps of following the link, so hashing runs outside any transaction:
// 1. check_reset_link (in a transaction): a usable token (reset.link_invalid: unknown, used or
//    expired);
// 2. the password policy (password.*) and the new hash (no transaction);
// 3. complete_password_reset (in a transaction): spends the token in one conditional write (of two
//    concurrent uses only one succeeds, reset.link_invalid for the other), sets the hash with no
//    forced change, spends the user's other reset links and revokes all their sessions and API
//    tokens (docs/rules/security.md, "Password changes").
[[nodiscard]] Result<UserId> check_reset_link(const std::string& token, OneTimeTokenRepository& tokens,
                                              const Clock& clock);
[[nodiscard]] Result<UserId> complete_password_reset(const std::string& token, const std::string& password_hash,
                                                     UserRepository& users, OneTimeTokenRepository& tokens,
                                                     SessionRepository& sessions, const Clock& clock);

// The three steps in one call (for the tests).
[[nodiscard]] Result<UserId> reset_password(const std::string& token, const std::string& new_password,
                                            UserRepository& users, OneTimeTokenRepository& tokens,
                                            SessionRepository& sessions, const PasswordHashing& hashing,
                                            const Clock& clock);

} // namespace numeria::identity
