#include "organizations/learners/credential_batch.hpp"

namespace numeria::organizations {

// Rule: docs/rules/accounts.md "Class credentials batches": a class batch never touches an e-mail
// account, and leaves a password the pupil chose alone unless the teacher ticks the pupil.
CredentialPlan plan_credentials(const LearnerRow& row) {
    const Learner& learner = row.learner;
    if (learner.disabled || learner.record.birthdate.size() != 10)
        return CredentialPlan::NotPossible;
    if (!learner.user_id)
        return CredentialPlan::NewAccount;
    if (!row.account_email.empty())
        return CredentialPlan::EmailAccount;
    if (row.account_username.empty() || row.account_must_change_password)
        return CredentialPlan::NewPassword;
    return CredentialPlan::ChosenPassword;
}

bool gets_password(CredentialPlan plan, bool ticked) {
    switch (plan) {
    case CredentialPlan::NewAccount:
    case CredentialPlan::NewPassword:
        return true;
    case CredentialPlan::ChosenPassword:
        return ticked;
    case CredentialPlan::EmailAccount:
    case CredentialPlan::NotPossible:
        return false;
    }
    return false;
}

} // namespace numeria::organizations
