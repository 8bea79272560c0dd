#include "application/identity/accounts.hpp"
#include "application/mail_outbox.hpp"
#include "identity/use_cases/account_unlock.hpp"

namespace numeria::application {

Result<identity::LoggedIn> log_in(Services& app, const identity::LogIn& command) {
    NUMERIA_TRY(std::optional<identity::User> account,
                app.tx.write([&](UnitOfWork& uow) -> Result<std::optional<identity::User>> {
                    return identity::find_log_in_account(command, uow.users(), uow.throttle(), app.clock);
                }));
    const std::string stored_hash = account ? account->password_hash : std::string();
    NUMERIA_TRY(bool matches, app.hashing.matches(command.password, stored_hash));

    // The attempt is recorded whether it succeeds or not: the transaction's value holds the refusal.
    bool mailed = false;
    NUMERIA_TRY(identity::LogInRecorded recorded, app.tx.write([&](UnitOfWork& uow) -> Result<identity::LogInRecorded> {
        identity::LogInRecorded outcome = identity::record_log_in(command, account, matches, uow.throttle(), app.clock);
        mailed = false;
        if (outcome.account_just_blocked) {
            if (auto unlock = identity::issue_unlock_link(*account, uow.account_unlocks(), app.clock)) {
                enqueue_mail(uow, app.mail_texts.account_unlock(unlock->email, unlock->token), app.clock.now());
                mailed = true;
            }
        }
        return outcome;
    }));
    if (mailed)
        app.jobs_enqueued();
    if (recorded.result && app.hasher.needs_rehash(stored_hash)) {
        if (auto rehashed = app.hashing.make_hash(command.password)) {
            (void)app.tx.write([&](UnitOfWork& uow) -> Status {
                uow.users().set_password_hash(recorded.result->user_id, *rehashed,
                                              recorded.result->must_change_password);
                return {};
            });
        }
    }
    return recorded.result;
}

Result<identity::LoggedIn> unlock_account(Services& app, const std::string& token, const std::string& password) {
    NUMERIA_TRY(identity::User account, app.tx.read([&](UnitOfWork& uow) -> Result<identity::User> {
        return identity::find_unlock_account(token, uow.users(), uow.account_unlocks(), app.clock);
    }));
    NUMERIA_TRY(bool matches, app.hashing.matches(password, account.password_hash));
    return app.tx.write([&](UnitOfWork& uow) -> Result<identity::LoggedIn> {
        return identity::complete_unlock(token, account, matches, uow.account_unlocks(), uow.throttle(), app.clock);
    });
}

} // namespace numeria::application
