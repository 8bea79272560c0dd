#include "application/identity/accounts.hpp"
#include "application/mail_outbox.hpp"
#include "identity/domain/login_name.hpp"

namespace numeria::application {

Status sign_up(Services& app, const identity::SignUp& command, const std::string& remote_address) {
    NUMERIA_TRY_STATUS(identity::check_sign_up(command));
    // The attempt counts even when it is refused (the transaction's value holds the refusal).
    NUMERIA_TRY(Status counted, app.tx.write([&](UnitOfWork& uow) -> Result<Status> {
        return identity::count_sign_up(remote_address, app.sign_ups_per_address_hour, uow.throttle(), app.clock);
    }));
    NUMERIA_TRY_STATUS(counted);
    // Hashed whether or not the address is taken, so both answers take the same time.
    NUMERIA_TRY(std::string hash, app.hashing.make_hash(command.password));
    auto registered = [&](UnitOfWork& uow) -> Status {
        NUMERIA_TRY(identity::SignedUp signed_up, identity::register_account(command, hash, uow.users(), app.clock));
        enqueue_mail(uow,
                     signed_up.created ? app.mail_texts.sign_up_welcome(signed_up.email)
                                       : app.mail_texts.sign_up_taken(signed_up.email),
                     app.clock.now());
        return {};
    };
    Status done = app.tx.write(registered);
    // Created at the same moment by another request: now it is a taken address.
    if (!done && done.error().code == ErrorCode::AlreadyExists)
        done = app.tx.write([&](UnitOfWork& uow) -> Status {
            enqueue_mail(uow, app.mail_texts.sign_up_taken(identity::normalize_email(command.email)), app.clock.now());
            return {};
        });
    NUMERIA_TRY_STATUS(done);
    app.jobs_enqueued();
    return {};
}

} // namespace numeria::application
