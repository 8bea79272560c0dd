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

// Rule: shared/reference/pix-reference.md §1.1: the reset link is valid 24 h.
constexpr EpochMs PASSWORD_RESET_LIFETIME_MS = 24LL * 60 * 60 * 1000;

struct PasswordResetRequested {
    std::string email; // where to send the link
    std::string token; // goes in the link only
};

// Nothing when no account has this e-mail: the page answers the same either way, so it does not
// reveal which addresses have an account.
[[nodiscard]] std::optional<PasswordResetRequested> request_password_reset(const std::string& email,
                                                                           UserRepository& users,
                                                                           OneTimeTokenRepository& tokens,
                                                                           const Clock& clock);

// Guard clauses: a usable token (reset.link_invalid: unknown, used or expired), the password
// policy (password.*). Then the new hash, no forced change, and the token is spent.
[[nodiscard]] Result<UserId> reset_password(const std::string& token, const std::string& new_password,
                                            UserRepository& users, OneTimeTokenRepository& tokens,
                                            const PasswordHasher& hasher, const Clock& clock);

} // namespace numeria::identity
