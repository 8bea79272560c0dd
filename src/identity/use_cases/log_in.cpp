#include "identity/use_cases/log_in.hpp"

#include "identity/domain/login_name.hpp"

namespace numeria::identity {

Result<LoggedIn> log_in(const LogIn& command, UserRepository& users, const PasswordHasher& hasher) {
    const Error invalid{ErrorCode::Unauthenticated, "login.invalid_credentials", {}};
    std::optional<User> user = looks_like_email(command.login) ? users.find_by_email(normalize_email(command.login))
                                                               : users.find_by_username(command.login);
    if (!user || user->password_hash.empty() || !hasher.verify(command.password, user->password_hash))
        return fail(invalid);
    if (hasher.needs_rehash(user->password_hash)) {
        if (auto rehashed = hasher.hash(command.password))
            users.set_password_hash(user->id, *rehashed, user->must_change_password);
    }
    return LoggedIn{user->id, user->must_change_password};
}

} // namespace numeria::identity
