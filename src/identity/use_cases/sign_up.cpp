#include "identity/use_cases/sign_up.hpp"

#include "identity/domain/login_name.hpp"
#include "identity/domain/password_policy.hpp"

namespace numeria::identity {

namespace {

bool is_blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

Result<UserId> sign_up(const SignUp& command, UserRepository& users, const PasswordHasher& hasher, const Clock& clock) {
    if (is_blank(command.first_name))
        return fail(Error::invalid("user.first_name_required"));
    if (is_blank(command.last_name))
        return fail(Error::invalid("user.last_name_required"));
    const std::string email = normalize_email(command.email);
    if (!is_plausible_email(email))
        return fail(Error::invalid("user.email_invalid"));
    if (!command.accepts_terms)
        return fail(Error::invalid("user.terms_not_accepted"));
    NUMERIA_TRY_STATUS(check_password_policy(command.password));
    if (users.find_by_email(email))
        return fail(Error{ErrorCode::AlreadyExists, "user.email_taken", {}});

    NUMERIA_TRY(std::string password_hash, hasher.hash(command.password));
    const EpochMs now = clock.now();
    NewUser user;
    user.first_name = trimmed(command.first_name);
    user.last_name = trimmed(command.last_name);
    user.email = email;
    user.password_hash = std::move(password_hash);
    user.terms_accepted_at = now;
    user.created_at = now;
    return users.create(user);
}

} // namespace numeria::identity
