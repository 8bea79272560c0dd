#include "identity/use_cases/change_password.hpp"

#include "identity/domain/password_policy.hpp"

namespace numeria::identity {

Status change_password(UserId user_id, const std::string& new_password, UserRepository& users,
                       const PasswordHasher& hasher) {
    std::optional<User> user = users.find(user_id);
    if (!user)
        return fail(Error::not_found("user.not_found"));
    NUMERIA_TRY_STATUS(check_password_policy(new_password));
    if (hasher.verify(new_password, user->password_hash))
        return fail(Error::invalid("password.unchanged"));
    NUMERIA_TRY(std::string hash, hasher.hash(new_password));
    users.set_password_hash(user_id, hash, false);
    return {};
}

} // namespace numeria::identity
