// sign_up.hpp: a person creates an account with an e-mail ("Inscription").
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/ports.hpp"

#include <string>

namespace numeria::identity {

struct SignUp {
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string password;
    bool accepts_terms = false;
};

// Guard clauses, in order: names required (user.first_name_required, user.last_name_required),
// a plausible e-mail (user.email_invalid), the terms accepted (user.terms_not_accepted), the
// password policy (password.*), an e-mail not used yet (user.email_taken). Then the account is
// created with an argon2id hash and the time the terms were accepted.
[[nodiscard]] Result<UserId> sign_up(const SignUp& command, UserRepository& users, const PasswordHasher& hasher,
                                     const Clock& clock);

} // namespace numeria::identity
