#include "identity/use_cases/change_password.hpp"

#include "identity/domain/password_policy.hpp"

namespace numeria::identity {

Result<std::string> prepare_new_password(const std::string& new_password, const User& account,
                                         const PasswordHashing& hashing) {
    NUMERIA_TRY_STATUS(check_password_policy(new_password));
    if (!account.password_hash.empty()) {
        NUMERIA_TRY(bool unchanged, hashing.matches(new_password, account.password_hash));
        if (unchanged)
            return fail(Error::invalid("password.unchanged"));
    }
    return hashing.make_hash(new_password);
}

void store_new_password(UserId user_id, const std::string& password_hash, const std::string& kept_session_digest,
                        UserRepository& users, SessionRepository& sessions, const Clock& clock) {
    users.set_password_hash(user_id, password_hash, false);
    sessions.revoke_all_of_user(user_id, kept_session_digest, clock.now());
}

Status change_password(UserId user_id, const std::string& new_password, const std::string& kept_session_digest,
                       UserRepository& users, SessionRepository& sessions, const PasswordHashing& hashing,
                       const Clock& clock) {
    std::optional<User> user = users.find(user_id);
    if (!user)
        return fail(Error::not_found("user.not_found"));
    NUMERIA_TRY(std::string hash, prepare_new_password(new_password, *user, hashing));
    store_new_password(user_id, hash, kept_session_digest, users, sessions, clock);
    return {};
}

} // namespace numeria::identity
