#include "identity/use_cases/log_in.hpp"

#include "identity/domain/login_name.hpp"

#include <algorithm>

namespace numeria::identity {

Result<std::optional<User>> find_log_in_account(const LogIn& command, UserRepository& users,
                                                ThrottleRepository& throttle, const Clock& clock) {
    const EpochMs now = clock.now();
    const ThrottleState account_state = throttle.get(account_key(command.login));
    const ThrottleState address_state = throttle.get(address_key(command.remote_address));
    if (is_blocked(account_state, now) || is_blocked(address_state, now)) {
        const EpochMs until = std::max(account_state.blocked_until, address_state.blocked_until);
        return fail(Error{ErrorCode::Forbidden, "login.blocked", {}, until});
    }
    return looks_like_email(command.login) ? users.find_by_email(normalize_email(command.login))
                                           : users.find_by_username(command.login);
}

LogInRecorded record_log_in(const LogIn& command, const std::optional<User>& account, bool password_matches,
                            ThrottleRepository& throttle, const Clock& clock) {
    const EpochMs now = clock.now();
    const std::string account_throttle = account_key(command.login);
    LogInRecorded recorded;
    if (!account || account->password_hash.empty() || !password_matches) {
        // Read again: other attempts may have counted since the first step.
        const ThrottleState before = throttle.get(account_throttle);
        const ThrottleState after = after_failure(before, now);
        throttle.put(account_throttle, after, now);
        const std::string address = address_key(command.remote_address);
        throttle.put(address, after_failure(throttle.get(address), now, ADDRESS_FAILURES_BEFORE_BLOCK), now);
        recorded.account_just_blocked = account.has_value() && after.blocked_until != before.blocked_until;
        recorded.result = fail(Error{ErrorCode::Unauthenticated, "login.invalid_credentials", {}});
        return recorded;
    }
    throttle.clear(account_throttle);
    recorded.result = LoggedIn{account->id, account->must_change_password};
    return recorded;
}

Result<LoggedIn> log_in(const LogIn& command, UserRepository& users, ThrottleRepository& throttle,
                        const PasswordHashing& hashing, const Clock& clock) {
    NUMERIA_TRY(std::optional<User> account, find_log_in_account(command, users, throttle, clock));
    NUMERIA_TRY(bool matches, hashing.matches(command.password, account ? account->password_hash : std::string()));
    return record_log_in(command, account, matches, throttle, clock).result;
}

} // namespace numeria::identity
