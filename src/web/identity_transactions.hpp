// identity_transactions.hpp: the account use cases wired to SQL, the hashing pool and the mail,
// shared by the pages and the API. Each keeps argon2id outside transactions: a short transaction
// reads, the hashing pool works, a second short transaction writes (docs/rules/security.md,
// "Password hashing").
#pragma once

#include "identity/use_cases/log_in.hpp"
#include "identity/use_cases/sign_up.hpp"
#include "web/http.hpp"

#include <string>

namespace numeria::web {

struct WebApp;

// Log-in; mails an unlock link when this failure blocks an account with an e-mail; upgrades a
// hash made with weaker limits. Errors: login.blocked, login.invalid_credentials,
// password.hashing_overloaded (503).
[[nodiscard]] Result<identity::LoggedIn> run_log_in(WebApp& app, const Request& request,
                                                    const identity::LogIn& command);

// Sign-up (throttled per address: sign_up.too_many); mails a welcome, or a warning to the owner of a
// taken address. The caller answers the same either way.
[[nodiscard]] Status run_sign_up(WebApp& app, const Request& request, const identity::SignUp& command);

// The viewer's new password; their other sessions and tokens are revoked, the current one kept.
[[nodiscard]] Status run_change_password(WebApp& app, const Request& request, const std::string& new_password);

// Mails a reset link if the address has an account and the limits allow it; answers nothing.
void run_request_password_reset(WebApp& app, const Request& request, const std::string& email);

// Follows a reset link; every session and token of the user is revoked.
[[nodiscard]] Status run_reset_password(WebApp& app, const std::string& token, const std::string& new_password);

// Follows an unlock link with the account's password (unlock.link_invalid, login.invalid_credentials).
[[nodiscard]] Result<identity::LoggedIn> run_unlock(WebApp& app, const std::string& token, const std::string& password);

} // namespace numeria::web
