// sign_up.hpp: a person creates an account with an e-mail ("Inscription").
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/ports.hpp"

#include <string>
#include <vector>

namespace numeria::identity {

struct SignUp {
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string password;
    bool accepts_terms = false;
};

// Guard clauses, in order: names required (user.first_name_required, user.last_name_required),
// names of one line and at most 100 characters (user.*_not_one_line, user.*_too_long), a plausible
// e-mail of at most 254 characters (user.email_invalid, user.email_too_long), the terms accepted
// (user.terms_not_accepted), the password policy (password.*). Nothing is written.
[[nodiscard]] Status check_sign_up(const SignUp& command);

// Every field's first problem, in the order of check_sign_up (empty when the form is acceptable):
// a refused form reports them all at once.
[[nodiscard]] std::vector<Error> sign_up_problems(const SignUp& command);

// Rule: docs/rules/security.md, "Sign-up and reset limits": counts one sign-up of this address;
// beyond `per_hour` in the hour, RuleViolated "sign_up.too_many" (the page answers 429).
[[nodiscard]] Status count_sign_up(const std::string& remote_address, int per_hour, ThrottleRepository& throttle,
                                   const Clock& clock);

struct SignedUp {
    UserId user_id = 0;
    // False when the e-mail already had an account: the caller answers exactly as for a new one and
    // mails the owner instead (docs/rules/security.md, "Log-in timing").
    bool created = false;
    std::string email;
};

// After check_sign_up and hashing outside any transaction: creates the account with the hash and
// the time the terms were accepted, or reports the account that already has this e-mail.
[[nodiscard]] Result<SignedUp> register_account(const SignUp& command, const std::string& password_hash,
                                                UserRepository& users, const Clock& clock);

// check_sign_up, the hash and register_account in one call (for the tests).
[[nodiscard]] Result<SignedUp> sign_up(const SignUp& command, UserRepository& users, const PasswordHashing& hashing,
                                       const Clock& clock);

} // namespace numeria::identity
