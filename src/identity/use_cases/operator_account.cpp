#include "identity/use_cases/operator_account.hpp"

#include "identity/domain/account_fields.hpp"
#include "identity/domain/login_name.hpp"

namespace numeria::identity {

namespace {

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

Status check_required_name(const std::string& name, const std::string& field) {
    if (name.empty())
        return fail(Error::invalid(field + "_required"));
    return check_name(name, field);
}

} // namespace

// Rule: docs/rules/organizations.md "Operator commands": an account created by the operator has
// sign-up's names and e-mail checks, and a one-time password to change at first log-in.
Result<OperatorAccountFound> find_or_create_account(const OperatorAccount& request, UserRepository& users,
                                                    const PreparedPassword& prepared, const Clock& clock) {
    const std::string email = normalize_email(request.email);
    NUMERIA_TRY_STATUS(check_email_length(email));
    if (!is_plausible_email(email))
        return fail(Error::invalid("user.email_invalid"));
    if (std::optional<User> existing = users.find_by_email(email))
        return OperatorAccountFound{existing->id, std::nullopt};
    NewUser user;
    user.first_name = trimmed(request.first_name);
    user.last_name = trimmed(request.last_name);
    NUMERIA_TRY_STATUS(check_required_name(user.first_name, "user.first_name"));
    NUMERIA_TRY_STATUS(check_required_name(user.last_name, "user.last_name"));
    user.email = email;
    user.password_hash = prepared.hash;
    user.must_change_password = true;
    user.created_at = clock.now();
    NUMERIA_TRY(UserId id, users.create(user));
    return OperatorAccountFound{id, prepared.password};
}

} // namespace numeria::identity
