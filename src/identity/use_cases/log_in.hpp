// log_in.hpp: checks a log-in name (e-mail or username) and a password.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/ports.hpp"

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

// Rule: shared/reference/pix-reference.md §1.1: a user may log in with e-mail or username plus
// password. An unknown login and a wrong password give the same error
// (Unauthenticated, "login.invalid_credentials"), so the answer does not reveal which accounts
// exist. A hash made with weaker limits is upgraded on success.
// Throttling (domain/login_throttle.hpp) applies per account and per address: while either is
// blocked the attempt is refused without checking the password (Forbidden, "login.blocked",
// detail = the end of the block in epoch ms); a failure counts on both; a success clears both.
[[nodiscard]] Result<LoggedIn> log_in(const LogIn& command, UserRepository& users, ThrottleRepository& throttle,
                                      const PasswordHasher& hasher, const Clock& clock);

} // namespace numeria::identity
