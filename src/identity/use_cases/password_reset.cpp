#include "identity/use_cases/password_reset.hpp"

#include "identity/domain/login_name.hpp"
#include "identity/domain/login_throttle.hpp"
#include "identity/domain/password_policy.hpp"
#include "identity/domain/session_token.hpp"

namespace numeria::identity {

namespace {

// Counts one request under `key`; whether it is still within `limit` for the hour.
bool within_hourly_limit(ThrottleRepository& throttle, const std::string& key, int limit, EpochMs now) {
    const ThrottleState counted = count_in_window(throttle.get(key), now, HOUR_MS);
    throttle.put(key, counted, now);
    return !over_limit(counted, limit);
}

} // namespace

std::optional<PasswordResetRequested> request_password_reset(const std::string& email,
                                                             const std::string& remote_address, UserRepository& users,
                                                             OneTimeTokenRepository& tokens,
                                                             ThrottleRepository& throttle, const Clock& clock) {
    const EpochMs now = clock.now();
    if (!within_hourly_limit(throttle, reset_address_key(remote_address), RESETS_PER_ADDRESS_HOUR, now))
        return std::nullopt;
    std::optional<User> user = users.find_by_email(normalize_email(email));
    if (!user || !user->email)
        return std::nullopt;
    if (!within_hourly_limit(throttle, reset_account_key(user->id), RESETS_PER_ACCOUNT_HOUR, now))
        return std::nullopt;
    std::string token = new_token();
    tokens.create(token_digest(token), user->id, now, now + PASSWORD_RESET_LIFETIME_MS);
    return PasswordResetRequested{*user->email, std::move(token)};
}

Result<UserId> check_reset_link(const std::string& token, OneTimeTokenRepository& tokens, const Clock& clock) {
    std::optional<UserId> user_id = tokens.find_usable(token_digest(token), clock.now());
    if (!user_id)
        return fail(Error::invalid("reset.link_invalid"));
    return *user_id;
}

Result<UserId> complete_password_reset(const std::string& token, const std::string& password_hash,
                                       UserRepository& users, OneTimeTokenRepository& tokens,
                                       SessionRepository& sessions, const Clock& clock) {
    const std::string digest = token_digest(token);
    const EpochMs now = clock.now();
    std::optional<UserId> user_id = tokens.find_usable(digest, now);
    if (!user_id || !tokens.consume(digest, now))
        return fail(Error::invalid("reset.link_invalid"));
    users.set_password_hash(*user_id, password_hash, false);
    tokens.spend_all_of_user(*user_id, now);
    sessions.revoke_all_of_user(*user_id, "", now);
    return *user_id;
}

Result<UserId> reset_password(const std::string& token, const std::string& new_password, UserRepository& users,
                              OneTimeTokenRepository& tokens, SessionRepository& sessions,
                              const PasswordHashing& hashing, const Clock& clock) {
    NUMERIA_TRY_STATUS(check_reset_link(token, tokens, clock));
    NUMERIA_TRY_STATUS(check_password_policy(new_password));
    NUMERIA_TRY(std::string hash, hashing.make_hash(new_password));
    return complete_password_reset(token, hash, users, tokens, sessions, clock);
}

} // namespace numeria::identity
