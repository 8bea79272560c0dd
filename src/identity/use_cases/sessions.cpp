#include "identity/use_cases/sessions.hpp"

#include "identity/domain/session_token.hpp"

namespace numeria::identity {

OpenedSession open_session(UserId user_id, SessionRepository& sessions, const Clock& clock, EpochMs lifetime) {
    OpenedSession opened{new_token(), clock.now() + lifetime};
    sessions.create(token_digest(opened.token), user_id, clock.now(), opened.expires_at);
    return opened;
}

std::optional<UserId> session_user(const std::string& token, SessionRepository& sessions, const Clock& clock) {
    if (token.size() != 64)
        return std::nullopt;
    auto active = sessions.find_active(token_digest(token), clock.now());
    if (!active)
        return std::nullopt;
    return active->user_id;
}

void close_session(const std::string& token, SessionRepository& sessions, const Clock& clock) {
    sessions.revoke(token_digest(token), clock.now());
}

} // namespace numeria::identity
