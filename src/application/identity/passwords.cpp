#include "application/identity/accounts.hpp"
#include "application/mail_outbox.hpp"
#include "identity/domain/password_policy.hpp"
#include "identity/domain/session_token.hpp"
#include "identity/use_cases/change_password.hpp"
#include "identity/use_cases/password_reset.hpp"

namespace numeria::application {

Status change_password(Services& app, identity::UserId user, const std::string& session_token,
                       const std::string& new_password) {
    NUMERIA_TRY(identity::User account, find_user(app, user));
    NUMERIA_TRY(std::string hash, identity::prepare_new_password(new_password, account, app.hashing));
    return app.tx.write([&](UnitOfWork& uow) -> Status {
        identity::store_new_password(account.id, hash, identity::token_digest(session_token), uow.users(),
                                     uow.sessions(), app.clock);
        return {};
    });
}

Status change_my_password(Services& app, identity::UserId user, const std::string& session_token,
                          const identity::PasswordChange& change) {
    NUMERIA_TRY(identity::User account, find_user(app, user));
    NUMERIA_TRY(std::string hash, identity::prepare_password_change(change, account, app.hashing));
    return app.tx.write([&](UnitOfWork& uow) -> Status {
        identity::store_new_password(account.id, hash, identity::token_digest(session_token), uow.users(),
                                     uow.sessions(), app.clock);
        return {};
    });
}

void request_password_reset(Services& app, const std::string& email, const std::string& remote_address) {
    Status requested = app.tx.write([&](UnitOfWork& uow) -> Status {
        auto link = identity::request_password_reset(email, remote_address, uow.users(), uow.password_resets(),
                                                     uow.throttle(), app.clock);
        if (link)
            enqueue_mail(uow, app.mail_texts.password_reset(link->email, link->token), app.clock.now());
        return {};
    });
    if (requested)
        app.jobs_enqueued();
}

Status reset_password(Services& app, const std::string& token, const std::string& new_password) {
    NUMERIA_TRY_STATUS(app.tx.read([&](UnitOfWork& uow) -> Result<identity::UserId> {
        return identity::check_reset_link(token, uow.password_resets(), app.clock);
    }));
    NUMERIA_TRY_STATUS(identity::check_password_policy(new_password));
    NUMERIA_TRY(std::string hash, app.hashing.make_hash(new_password));
    return app.tx.write([&](UnitOfWork& uow) -> Status {
        NUMERIA_TRY_STATUS(identity::complete_password_reset(token, hash, uow.users(), uow.password_resets(),
                                                             uow.sessions(), app.clock));
        return {};
    });
}

} // namespace numeria::application
