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

bool asks_current_password(const User& account) {
    return !account.must_change_password;
}

Result<std::string> prepare_password_change(const PasswordChange& change, const User& account,
                                            const PasswordHashing& hashing) {
    // Rule: docs/rules/accounts.md "Changing one's password": the current password, when asked,
    // then the new one typed twice the same.
    const bool asked = asks_current_password(account);
    if (asked && change.current.empty())
        return fail(Error::invalid("password.current_required"));
    NUMERIA_TRY_STATUS(check_password_policy(change.new_password));
    if (change.confirmation != change.new_password)
        return fail(Error::invalid("password.confirmation_mismatch"));
    if (asked) {
        NUMERIA_TRY(bool right, hashing.matches(change.current, account.password_hash));
        if (!right)
            return fail(Error::invalid("password.current_wrong"));
    }
    return prepare_new_password(change.new_password, account, hashing);
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
