// smtp_mailer.hpp: sends each message to the SMTP server of NUMERIA_SMTP_URL through libcurl
// (smtp:// or smtps://, user and password in the URL if needed). The link is never logged.
#pragma once

#include "core/clock.hpp"
#include "core/mailer.hpp"

#include <string>

namespace numeria::mail {

class SmtpMailer final : public Mailer {
public:
    SmtpMailer(std::string url, std::string from, const Clock& clock);
    [[nodiscard]] Status send(const Mail& mail) override;

private:
    std::string m_url;
    std::string m_from;
    const Clock& m_clock;
};

} // namespace numeria::mail
