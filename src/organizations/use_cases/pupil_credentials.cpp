#include "organizations/use_cases/pupil_credentials.hpp"

#include "identity/domain/pupil_credentials.hpp"

namespace numeria::organizations {

Result<IssuedCredentials> issue_credentials(const Learner& learner, identity::UserRepository& users,
                                            const identity::TemporaryPassword& temporary, EpochMs now,
                                            EmailAccounts email_accounts) {
    if (learner.disabled)
        return fail(Error::rule("learner.disabled"));
    const LearnerRecord& record = learner.record;
    if (record.birthdate.size() != 10)
        return fail(Error::rule("learner.birthdate_missing"));
    IssuedCredentials issued;
    issued.password = temporary.password;
    const std::string& hash = temporary.hash;
    auto taken = [&](const std::string& name) { return users.find_by_username(name).has_value(); };
    if (learner.user_id) {
        std::optional<identity::User> user = users.find(*learner.user_id);
        if (!user)
            return fail(Error::not_found("learner.account_missing"));
        // Rule: docs/rules/accounts.md "Pupils' credentials": a class batch leaves the password a pupil
        // chose for an e-mail account alone; "Ajouter un identifiant" to a pupil who only has an
        // e-mail: for one pupil, on the teacher's explicit request, the account gets a username too.
        if (user->email && email_accounts == EmailAccounts::LeaveAlone)
            return fail(Error::rule("learner.account_has_email"));
        issued.user_id = user->id;
        if (user->username) {
            issued.username = *user->username;
        } else {
            issued.username = identity::free_username(record.first_name, record.last_name, record.birthdate, taken);
            users.set_username(user->id, issued.username);
        }
        // Rule: docs/rules/accounts.md "Temporary passwords": stored hashed, to be changed at next log-in.
        users.set_password_hash(user->id, hash, true);
        return issued;
    }
    issued.username = identity::free_username(record.first_name, record.last_name, record.birthdate, taken);
    identity::NewUser user;
    user.first_name = record.first_name;
    user.last_name = record.preferred_last_name.empty() ? record.last_name : record.preferred_last_name;
    user.username = issued.username;
    user.password_hash = hash;
    user.must_change_password = true;
    user.created_at = now;
    NUMERIA_TRY(identity::UserId id, users.create(user));
    issued.user_id = id;
    issued.account_created = true;
    return issued;
}

} // namespace numeria::organizations
