#include "identity/use_cases/log_in.hpp"

#include "identity/domain/login_name.hpp"

#include <algorithm>

namespace numeria::identity {

Result<LoggedIn> log_in(const LogIn& command, UserRepository& users, ThrottleRepository& throttle,
                        const PasswordHasher& hasher, const Clock& clock) {
    const EpochMs now = clock.now();
    const std::string account = account_key(command.login);
    const std::string address = address_key(command.remote_address);
    const ThrottleState account_state = throttle.get(account);
    const ThrottleState address_state = throttle.get(address);
    if (is_blocked(account_state, now) || is_blocked(address_state, now)) {
        const EpochMs until = std::max(account_state.blocked_until, address_state.blocked_until);
        return fail(Error{ErrorCode::Forbidden, "login.blocked", std::to_string(until)});
    }

    std::optional<User> user = looks_like_email(command.login) ? users.find_by_email(normalize_email(command.login))
                                                               : users.find_by_username(command.login);
    if (!user || user->password_hash.empty() || !hasher.verify(command.password, user->password_hash)) {
        throttle.put(account, after_failure(account_state, now), now);
        throttle.put(address, after_failure(address_state, now), now);
        return fail(Error{ErrorCode::Unauthenticated, "login.invalid_credentials", {}});
    }
    throttle.clear(account);
    throttle.clear(address);
    if (hasher.needs_rehash(user->password_hash)) {
        if (auto rehashed = hasher.hash(command.password))
            users.set_password_hash(user->id, *rehashed, user->must_change_password);
    }
    return LoggedIn{user->id, user->must_change_password};
}

} // namespace numeria::identity
