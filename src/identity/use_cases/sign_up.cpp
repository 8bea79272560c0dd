#include "identity/use_cases/sign_up.hpp"

#include "identity/domain/account_fields.hpp"
#include "identity/domain/login_name.hpp"
#include "identity/domain/login_throttle.hpp"
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

namespace {

Status check_first_name(const SignUp& command) {
    if (is_blank(command.first_name))
        return fail(Error::invalid("user.first_name_required"));
    return check_name(trimmed(command.first_name), "user.first_name");
}

Status check_last_name(const SignUp& command) {
    if (is_blank(command.last_name))
        return fail(Error::invalid("user.last_name_required"));
    return check_name(trimmed(command.last_name), "user.last_name");
}

Status check_email(const SignUp& command) {
    const std::string email = normalize_email(command.email);
    NUMERIA_TRY_STATUS(check_email_length(email));
    if (!is_plausible_email(email))
        return fail(Error::invalid("user.email_invalid"));
    return {};
}

Status check_terms(const SignUp& command) {
    if (!command.accepts_terms)
        return fail(Error::invalid("user.terms_not_accepted"));
    return {};
}

Status check_password(const SignUp& command) {
    return check_password_policy(command.password);
}

using FieldCheck = Status (*)(const SignUp&);
constexpr FieldCheck FIELD_CHECKS[] = {check_first_name, check_last_name, check_email, check_terms, check_password};

} // namespace

// Rule: docs/rules/accounts.md "Sign-up": every field of a refused form is checked, so the
// person sees all the problems at once.
std::vector<Error> sign_up_problems(const SignUp& command) {
    std::vector<Error> problems;
    for (FieldCheck check : FIELD_CHECKS) {
        Status checked = check(command);
        if (!checked)
            problems.push_back(checked.error());
    }
    return problems;
}

Status check_sign_up(const SignUp& command) {
    std::vector<Error> problems = sign_up_problems(command);
    if (!problems.empty())
        return fail(problems.front());
    return {};
}

Status count_sign_up(const std::string& remote_address, int per_hour, ThrottleRepository& throttle,
                     const Clock& clock) {
    const std::string key = sign_up_address_key(remote_address);
    const ThrottleState counted = count_in_window(throttle.get(key), clock.now(), HOUR_MS);
    throttle.put(key, counted, clock.now());
    if (over_limit(counted, per_hour))
        return fail(Error::rule("sign_up.too_many"));
    return {};
}

Result<SignedUp> register_account(const SignUp& command, const std::string& password_hash, UserRepository& users,
                                  const Clock& clock) {
    const std::string email = normalize_email(command.email);
    if (std::optional<User> existing = users.find_by_email(email))
        return SignedUp{existing->id, false, email};
    const EpochMs now = clock.now();
    NewUser user;
    user.first_name = trimmed(command.first_name);
    user.last_name = trimmed(command.last_name);
    user.email = email;
    user.password_hash = password_hash;
    user.terms_accepted_at = now;
    user.created_at = now;
    NUMERIA_TRY(UserId id, users.create(user));
    return SignedUp{id, true, email};
}

Result<SignedUp> sign_up(const SignUp& command, UserRepository& users, const PasswordHashing& hashing,
                         const Clock& clock) {
    NUMERIA_TRY_STATUS(check_sign_up(command));
    NUMERIA_TRY(std::string hash, hashing.make_hash(command.password));
    return register_account(command, hash, users, clock);
}

} // namespace numeria::identity
