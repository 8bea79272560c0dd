// log_in.hpp: checks a log-in name (e-mail or username) and a password.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/ports.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

struct LogIn {
    std::string login; // e-mail or username
    std::string password;
    std::string remote_address;
};

struct LoggedIn {
    UserId user_id = 0;
    bool must_change_password = false;
};

// Rule: docs/rules/accounts.md "Log-in names": a user may log in with e-mail or username plus
// password. An unknown login and a wrong password give the same error
// (Unauthenticated, "login.invalid_credentials") after the same work (an unknown account is checked
// against a dummy hash), so neither the answer nor its time reveals which accounts exist.
// Throttling (domain/login_throttle.hpp): 10 failures block the account, 100 the address; while
// either is blocked the attempt is refused without checking the password (Forbidden,
// "login.blocked", detail = the end of the block in epoch ms); a failure counts on both; a success
// clears the account's count.
//
// The work is split so the password check runs outside any transaction (docs/rules/security.md):
// 1. find_log_in_account (in a transaction): the throttle check and the account, if any;
// 2. hashing.matches(password, account ? its hash : "") (no transaction);
// 3. record_log_in (in a transaction): counts the failure or clears the count.
[[nodiscard]] Result<std::optional<User>> find_log_in_account(const LogIn& command, UserRepository& users,
                                                              ThrottleRepository& throttle, const Clock& clock);

struct LogInRecorded {
    Result<LoggedIn> result = fail(Error::invalid("unset"));
    // This failure is the one that blocked the account: time to mail it an unlock link.
    bool account_just_blocked = false;
};
[[nodiscard]] LogInRecorded record_log_in(const LogIn& command, const std::optional<User>& account,
                                          bool password_matches, ThrottleRepository& throttle, const Clock& clock);

// The three steps in one call (for callers that already run outside a transaction, and the tests).
[[nodiscard]] Result<LoggedIn> log_in(const LogIn& command, UserRepository& users, ThrottleRepository& throttle,
                                      const PasswordHashing& hashing, const Clock& clock);

} // namespace numeria::identity
