#include "web/identity_transactions.hpp"

#include "identity/domain/login_name.hpp"
#include "identity/domain/password_policy.hpp"
#include "identity/domain/session_token.hpp"
#include "identity/use_cases/account_unlock.hpp"
#include "identity/use_cases/change_password.hpp"
#include "identity/use_cases/password_reset.hpp"
#include "storage/identity/sql_session_repository.hpp"
#include "storage/identity/sql_throttle_repository.hpp"
#include "storage/identity/sql_token_repository.hpp"
#include "storage/identity/sql_user_repository.hpp"
#include "web/mail_messages.hpp"
#include "web/web_app.hpp"

namespace numeria::web {

Result<identity::LoggedIn> run_log_in(WebApp& app, const Request& request, const identity::LogIn& command) {
    Result<std::optional<identity::User>> account = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        storage::SqlThrottleRepository throttle(sql);
        account = identity::find_log_in_account(command, users, throttle, app.clock);
    });
    if (!account)
        return fail(account.error());
    const std::string stored_hash = *account ? (*account)->password_hash : std::string();
    NUMERIA_TRY(bool matches, app.hashing.matches(command.password, stored_hash));

    identity::LogInRecorded recorded;
    std::optional<identity::UnlockLinkIssued> unlock;
    app.database.write([&](soci::session& sql) {
        storage::SqlThrottleRepository throttle(sql);
        recorded = identity::record_log_in(command, *account, matches, throttle, app.clock);
        if (recorded.account_just_blocked) {
            storage::SqlAccountUnlockRepository unlocks(sql);
            unlock = identity::issue_unlock_link(**account, unlocks, app.clock);
        }
    });
    if (unlock)
        send_mail(app, request, account_unlock_mail(app, unlock->email, unlock->token));
    if (recorded.result && app.hasher.needs_rehash(stored_hash)) {
        if (auto rehashed = app.hashing.make_hash(command.password)) {
            app.database.write([&](soci::session& sql) {
                storage::SqlUserRepository users(sql);
                users.set_password_hash(recorded.result->user_id, *rehashed, recorded.result->must_change_password);
            });
        }
    }
    return recorded.result;
}

Status run_sign_up(WebApp& app, const Request& request, const identity::SignUp& command) {
    NUMERIA_TRY_STATUS(identity::check_sign_up(command));
    Status counted = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlThrottleRepository throttle(sql);
        counted =
            identity::count_sign_up(request.remote_address, app.config.sign_ups_per_address_hour, throttle, app.clock);
    });
    NUMERIA_TRY_STATUS(counted);
    // Hashed whether or not the address is taken, so both answers take the same time.
    NUMERIA_TRY(std::string hash, app.hashing.make_hash(command.password));
    Result<identity::SignedUp> signed_up = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        signed_up = identity::register_account(command, hash, users, app.clock);
    });
    if (!signed_up && signed_up.error().code == ErrorCode::AlreadyExists) // created at the same moment
        signed_up = identity::SignedUp{0, false, identity::normalize_email(command.email)};
    if (!signed_up)
        return fail(signed_up.error());
    send_mail(app, request,
              signed_up->created ? sign_up_welcome_mail(app, signed_up->email)
                                 : sign_up_taken_mail(app, signed_up->email));
    return {};
}

Status run_change_password(WebApp& app, const Request& request, const std::string& new_password) {
    std::optional<identity::User> account;
    app.database.read([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        account = users.find(request.viewer->user_id);
    });
    if (!account)
        return fail(Error::not_found("user.not_found"));
    NUMERIA_TRY(std::string hash, identity::prepare_new_password(new_password, *account, app.hashing));
    app.database.write([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        storage::SqlSessionRepository sessions(sql);
        identity::store_new_password(account->id, hash, identity::token_digest(request.session_token), users, sessions,
                                     app.clock);
    });
    return {};
}

void run_request_password_reset(WebApp& app, const Request& request, const std::string& email) {
    std::optional<identity::PasswordResetRequested> requested;
    app.database.write([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        storage::SqlPasswordResetRepository tokens(sql);
        storage::SqlThrottleRepository throttle(sql);
        requested = identity::request_password_reset(email, request.remote_address, users, tokens, throttle, app.clock);
    });
    if (requested)
        send_mail(app, request, password_reset_mail(app, requested->email, requested->token));
}

Status run_reset_password(WebApp& app, const std::string& token, const std::string& new_password) {
    Result<identity::UserId> usable = fail(Error::invalid("unset"));
    app.database.read([&](soci::session& sql) {
        storage::SqlPasswordResetRepository tokens(sql);
        usable = identity::check_reset_link(token, tokens, app.clock);
    });
    NUMERIA_TRY_STATUS(usable);
    NUMERIA_TRY_STATUS(identity::check_password_policy(new_password));
    NUMERIA_TRY(std::string hash, app.hashing.make_hash(new_password));
    Result<identity::UserId> reset = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        storage::SqlPasswordResetRepository tokens(sql);
        storage::SqlSessionRepository sessions(sql);
        reset = identity::complete_password_reset(token, hash, users, tokens, sessions, app.clock);
    });
    NUMERIA_TRY_STATUS(reset);
    return {};
}

Result<identity::LoggedIn> run_unlock(WebApp& app, const std::string& token, const std::string& password) {
    Result<identity::User> account = fail(Error::invalid("unset"));
    app.database.read([&](soci::session& sql) {
        storage::SqlUserRepository users(sql);
        storage::SqlAccountUnlockRepository unlocks(sql);
        account = identity::find_unlock_account(token, users, unlocks, app.clock);
    });
    if (!account)
        return fail(account.error());
    NUMERIA_TRY(bool matches, app.hashing.matches(password, account->password_hash));
    Result<identity::LoggedIn> logged = fail(Error::invalid("unset"));
    app.database.write([&](soci::session& sql) {
        storage::SqlAccountUnlockRepository unlocks(sql);
        storage::SqlThrottleRepository throttle(sql);
        logged = identity::complete_unlock(token, *account, matches, unlocks, throttle, app.clock);
    });
    return logged;
}

} // namespace numeria::web
