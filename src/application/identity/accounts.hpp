// accounts.hpp: the account use cases of the application layer (docs/adr/0008): each opens its
// transactions, runs argon2id between them on the hashing pool (never inside one: docs/rules/
// security.md "Password hashing"), and enqueues its e-mails with the rows they are about
// (docs/rules/jobs.md "Mail outbox"). Web pages, the JSON API and the CLI call these.
#pragma once

#include "application/services.hpp"
#include "application/viewer_query.hpp"
#include "identity/use_cases/change_password.hpp"
#include "identity/use_cases/log_in.hpp"
#include "identity/use_cases/sessions.hpp"
#include "identity/use_cases/sign_up.hpp"

#include <optional>
#include <string>

namespace numeria::application {

// Checks a log-in (throttled, same time for unknown accounts), mails an unlock link when this
// failure blocks the account, upgrades an outdated hash on success.
[[nodiscard]] Result<identity::LoggedIn> log_in(Services& app, const identity::LogIn& command);

// Creates the account (or mails the owner of a taken address); the answer is the same either way.
[[nodiscard]] Status sign_up(Services& app, const identity::SignUp& command, const std::string& remote_address);

// The signed-in user replaces their password; every other session of theirs ends.
[[nodiscard]] Status change_password(Services& app, identity::UserId user, const std::string& session_token,
                                     const std::string& new_password);

// "Changer mon mot de passe" (the form): the current password when the change is voluntary, the
// new one typed twice; every other session of the user ends.
[[nodiscard]] Status change_my_password(Services& app, identity::UserId user, const std::string& session_token,
                                        const identity::PasswordChange& change);

// Mails a reset link if the address has an account (nothing tells whether it has).
void request_password_reset(Services& app, const std::string& email, const std::string& remote_address);
[[nodiscard]] Status reset_password(Services& app, const std::string& token, const std::string& new_password);

// "Débloquer mon compte": the mailed link plus the account's password.
[[nodiscard]] Result<identity::LoggedIn> unlock_account(Services& app, const std::string& token,
                                                        const std::string& password);

[[nodiscard]] identity::OpenedSession open_session(Services& app, identity::UserId user,
                                                   EpochMs lifetime = identity::SESSION_LIFETIME_MS);
// A log-in's session, with the organisation the person lands in: the first of the Orga menu
// (docs/rules/accounts.md "After log-in"); none for a person of no organisation (a pupil).
struct StartedSession {
    identity::OpenedSession session;
    std::optional<organizations::OrganizationId> first_organization;
};
[[nodiscard]] StartedSession start_session(Services& app, identity::UserId user);
void close_session(Services& app, const std::string& token);
// The caller of a session token, with their memberships, in one query.
[[nodiscard]] std::optional<ViewerRecord> find_viewer(Services& app, const std::string& token);
[[nodiscard]] Result<identity::User> find_user(Services& app, identity::UserId user);

} // namespace numeria::application
