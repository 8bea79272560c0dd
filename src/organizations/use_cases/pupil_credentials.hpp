// pupil_credentials.hpp: log-in credentials for pupils without e-mail, given by their teachers
// (docs/rules/accounts.md "Pupils' credentials"): a username and a temporary password for a
// pupil without account (an account is created and linked), or a new temporary password for a
// pupil who logs in with a username. A class batch leaves accounts with an e-mail address alone
// (their owners reset their own password with "Mot de passe oublié"); for one pupil, a teacher may
// explicitly add a username to such an account ("Ajouter un identifiant"). The password
// must be changed at the first log-in and is shown only once.
#pragma once

#include "core/result.hpp"
#include "identity/domain/pupil_credentials.hpp"
#include "identity/ports.hpp"
#include "organizations/learners/learner.hpp"

#include <string>

namespace numeria::organizations {

struct IssuedCredentials {
    identity::UserId user_id = 0;
    bool account_created = false; // the caller links it to the learner, in the same transaction
    std::string username;
    std::string password; // temporary, in clear: shown once, never stored
};

// Whether an account that logs in with an e-mail address gets a username and a temporary password.
enum class EmailAccounts { LeaveAlone, AddUsername };

// `temporary` is the password to give, hashed beforehand outside any transaction.
// Fails with "learner.disabled" for a disabled learner, "learner.birthdate_missing" without birthdate,
// "learner.account_missing" when the linked account no longer exists, "learner.account_has_email"
// when the linked account logs in with an e-mail address and `email_accounts` is LeaveAlone (nothing is
// changed).
[[nodiscard]] Result<IssuedCredentials> issue_credentials(const Learner& learner, identity::UserRepository& users,
                                                          const identity::TemporaryPassword& temporary, EpochMs now,
                                                          EmailAccounts email_accounts);

} // namespace numeria::organizations
