// account_unlock.hpp: "Débloquer mon compte". When log-in failures block an account, a single-use
// link goes to its e-mail; with it, the owner logs in with the right password despite the block,
// which an attacker guessing passwords cannot do (docs/rules/security.md, "Log-in throttling").
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/ports.hpp"
#include "identity/use_cases/log_in.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

constexpr EpochMs UNLOCK_LINK_LIFETIME_MS = 24LL * 60 * 60 * 1000;

struct UnlockLinkIssued {
    std::string email; // where to send the link
    std::string token; // goes in the link only
};

// Nothing for an account without an e-mail.
[[nodiscard]] std::optional<UnlockLinkIssued> issue_unlock_link(const User& account, OneTimeTokenRepository& unlocks,
                                                                const Clock& clock);

// Step 1 (in a transaction): the account of a usable link (unlock.link_invalid otherwise).
[[nodiscard]] Result<User> find_unlock_account(const std::string& token, UserRepository& users,
                                               OneTimeTokenRepository& unlocks, const Clock& clock);
// Step 3 (in a transaction), after checking the password outside: a wrong password leaves the link
// and the block as they are (login.invalid_credentials); the right one spends the link (of two
// concurrent uses only one succeeds: unlock.link_invalid for the other) and clears the account's
// failure counts, under its e-mail and its username.
[[nodiscard]] Result<LoggedIn> complete_unlock(const std::string& token, const User& account, bool password_matches,
                                               OneTimeTokenRepository& unlocks, ThrottleRepository& throttle,
                                               const Clock& clock);

} // namespace numeria::identity
