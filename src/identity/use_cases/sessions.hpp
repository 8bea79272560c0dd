// sessions.hpp: server-side sessions, revocable; the browser holds only a random token.
#pragma once

#include "core/clock.hpp"
#include "identity/ports.hpp"

#include <optional>
#include <string>

namespace numeria::identity {

// Pupils share school computers: a session lasts 12 hours at most, then a new log-in is needed.
constexpr EpochMs SESSION_LIFETIME_MS = 12LL * 60 * 60 * 1000;

struct OpenedSession {
    std::string token; // for the cookie; never stored
    EpochMs expires_at = 0;
};

// API clients' Bearer tokens are sessions too, shorter-lived.
constexpr EpochMs API_TOKEN_LIFETIME_MS = 60LL * 60 * 1000;

[[nodiscard]] OpenedSession open_session(UserId user_id, SessionRepository& sessions, const Clock& clock,
                                         EpochMs lifetime = SESSION_LIFETIME_MS);
// The user of a valid, unexpired and unrevoked session token.
[[nodiscard]] std::optional<UserId> session_user(const std::string& token, SessionRepository& sessions,
                                                 const Clock& clock);
// Log-out: the token stops working at once, wherever it is.
void close_session(const std::string& token, SessionRepository& sessions, const Clock& clock);

} // namespace numeria::identity
