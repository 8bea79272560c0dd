#include "identity/use_cases/account_unlock.hpp"

#include "identity/domain/login_throttle.hpp"
#include "identity/domain/session_token.hpp"

namespace numeria::identity {

std::optional<UnlockLinkIssued> issue_unlock_link(const User& account, OneTimeTokenRepository& unlocks,
                                                  const Clock& clock) {
    if (!account.email)
        return std::nullopt;
    std::string token = new_token();
    unlocks.create(token_digest(token), account.id, clock.now(), clock.now() + UNLOCK_LINK_LIFETIME_MS);
    return UnlockLinkIssued{*account.email, std::move(token)};
}

Result<User> find_unlock_account(const std::string& token, UserRepository& users, OneTimeTokenRepository& unlocks,
                                 const Clock& clock) {
    std::optional<UserId> user_id = unlocks.find_usable(token_digest(token), clock.now());
    std::optional<User> account = user_id ? users.find(*user_id) : std::nullopt;
    if (!account)
        return fail(Error::invalid("unlock.link_invalid"));
    return *account;
}

Result<LoggedIn> complete_unlock(const std::string& token, const User& account, bool password_matches,
                                 OneTimeTokenRepository& unlocks, ThrottleRepository& throttle, const Clock& clock) {
    if (!password_matches || account.password_hash.empty())
        return fail(Error{ErrorCode::Unauthenticated, "login.invalid_credentials", {}});
    if (!unlocks.consume(token_digest(token), clock.now()))
        return fail(Error::invalid("unlock.link_invalid"));
    if (account.email)
        throttle.clear(account_key(*account.email));
    if (account.username)
        throttle.clear(account_key(*account.username));
    return LoggedIn{account.id, account.must_change_password};
}

} // namespace numeria::identity
