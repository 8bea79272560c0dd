#include "identity/use_cases/password_reset.hpp"

#include "identity/domain/login_name.hpp"
#include "identity/domain/password_policy.hpp"
#include "identity/domain/session_token.hpp"

namespace numeria::identity {

std::optional<PasswordResetRequested> request_password_reset(const std::string& email, UserRepository& users,
                                                             OneTimeTokenRepository& tokens, const Clock& clock) {
    std::optional<User> user = users.find_by_email(normalize_email(email));
    if (!user || !user->email)
        return std::nullopt;
    std::string token = new_token();
    tokens.create(token_digest(token), user->id, clock.now(), clock.now() + PASSWORD_RESET_LIFETIME_MS);
    return PasswordResetRequested{*user->email, std::move(token)};
}

Result<UserId> reset_password(const std::string& token, const std::string& new_password, UserRepository& users,
                              OneTimeTokenRepository& tokens, const PasswordHasher& hasher, const Clock& clock) {
    const std::string digest = token_digest(token);
    std::optional<UserId> user_id = tokens.find_usable(digest, clock.now());
    if (!user_id)
        return fail(Error::invalid("reset.link_invalid"));
    NUMERIA_TRY_STATUS(check_password_policy(new_password));
    NUMERIA_TRY(std::string hash, hasher.hash(new_password));
    users.set_password_hash(*user_id, hash, false);
    tokens.mark_used(digest, clock.now());
    return *user_id;
}

} // namespace numeria::identity
