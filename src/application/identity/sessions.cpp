#include "application/identity/accounts.hpp"
#include "identity/domain/session_token.hpp"

namespace numeria::application {

identity::OpenedSession open_session(Services& app, identity::UserId user, EpochMs lifetime) {
    identity::OpenedSession opened;
    Status done = app.tx.write([&](UnitOfWork& uow) -> Status {
        opened = identity::open_session(user, uow.sessions(), app.clock, lifetime);
        return {};
    });
    (void)done;
    return opened;
}

StartedSession start_session(Services& app, identity::UserId user) {
    StartedSession started;
    Status done = app.tx.write([&](UnitOfWork& uow) -> Status {
        started.session = identity::open_session(user, uow.sessions(), app.clock);
        // Rule: docs/rules/accounts.md "After log-in": the first organisation of the Orga menu,
        // which lists the active organisations by name.
        const auto organizations = uow.memberships().list_for_user(user);
        started.first_organization.reset();
        if (!organizations.empty())
            started.first_organization = organizations.front().first.id;
        return {};
    });
    (void)done;
    return started;
}

void close_session(Services& app, const std::string& token) {
    (void)app.tx.write([&](UnitOfWork& uow) -> Status {
        identity::close_session(token, uow.sessions(), app.clock);
        return {};
    });
}

std::optional<ViewerRecord> find_viewer(Services& app, const std::string& token) {
    if (token.size() != 64)
        return std::nullopt;
    auto found = app.tx.transact(TxMode::SingleRead, [&](UnitOfWork& uow) -> Result<std::optional<ViewerRecord>> {
        return uow.viewers().find_by_session(identity::token_digest(token), app.clock.now());
    });
    return found ? *found : std::nullopt;
}

Result<identity::User> find_user(Services& app, identity::UserId user) {
    return app.tx.read([&](UnitOfWork& uow) -> Result<identity::User> {
        auto account = uow.users().find(user);
        if (!account)
            return fail(Error::not_found("user.not_found"));
        return *account;
    });
}

} // namespace numeria::application
