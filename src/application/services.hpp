// services.hpp: what every use case of the application layer reaches (docs/adr/0008): the
// transactions, the clock, the password hashing pool, and the texts of the e-mails it enqueues.
// Built once by the composition root; web handlers, API handlers and CLI commands hold one.
#pragma once

#include "application/unit_of_work.hpp"
#include "core/clock.hpp"
#include "core/mailer.hpp"
#include "identity/domain/password_hasher.hpp"
#include "identity/domain/password_hashing_pool.hpp"
#include "identity/domain/sealing_key.hpp"

#include <functional>
#include <string>

namespace numeria::application {

// The e-mails the use cases send, composed by the presentation layer (web/mail_messages.cpp holds
// the templates and the site's public address). The use case enqueues the result in the same
// transaction as the rows it writes (docs/rules/jobs.md "Mail outbox").
class MailTexts {
public:
    virtual ~MailTexts() = default;
    [[nodiscard]] virtual Mail password_reset(const std::string& to, const std::string& token) const = 0;
    [[nodiscard]] virtual Mail activation(const std::string& to, const std::string& token,
                                          const std::string& establishment, const std::string& requester) const = 0;
    [[nodiscard]] virtual Mail invitation(const std::string& to, const std::string& token,
                                          const std::string& organization, const std::string& inviter) const = 0;
    [[nodiscard]] virtual Mail account_unlock(const std::string& to, const std::string& token) const = 0;
    [[nodiscard]] virtual Mail sign_up_welcome(const std::string& to) const = 0;
    [[nodiscard]] virtual Mail sign_up_taken(const std::string& to) const = 0;
};

struct Services {
    Transactions& tx;
    const Clock& clock;
    const identity::PasswordHasher& hasher;
    identity::PasswordHashingPool& hashing;
    const MailTexts& mail_texts;
    int sign_ups_per_address_hour = 10;
    // Wakes the job runner after a transaction that enqueued a job (a mail, an import) committed.
    std::function<void()> jobs_enqueued = [] {};
    // Seals the class credentials kept for downloads (docs/rules/accounts.md "Class credentials
    // batches"); the composition root derives it from the server's secret file.
    identity::SealingKey sealing{};
};

} // namespace numeria::application
