// mailer.hpp: the port through which use cases and pages send e-mail. Adapters in src/mail/:
// SMTP through libcurl when NUMERIA_SMTP_URL is set, otherwise .eml files in the outbox folder.
#pragma once

#include "core/result.hpp"

#include <string>

namespace numeria {

struct Mail {
    std::string to;
    std::string subject; // UTF-8; encoded for the headers by the adapter
    std::string text;    // UTF-8 plain text body
    std::string link;    // the action link the mail carries (logged by the outbox in development)
};

class Mailer {
public:
    virtual ~Mailer() = default;
    // Fails with Unavailable ("mail.not_sent") when the message could not be handed over.
    [[nodiscard]] virtual Status send(const Mail& mail) = 0;
};

} // namespace numeria
