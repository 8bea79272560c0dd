// outbox_mailer.hpp: development mailer: each message becomes an .eml file in the outbox folder
// (var/outbox by default) and one log line with the link it carries, so a developer can follow
// activation and reset links without an SMTP server. Never used when NUMERIA_SMTP_URL is set.
#pragma once

#include "core/clock.hpp"
#include "core/mailer.hpp"

#include <filesystem>
#include <string>

namespace numeria::mail {

class OutboxMailer final : public Mailer {
public:
    OutboxMailer(std::filesystem::path directory, std::string from, const Clock& clock);
    [[nodiscard]] Status send(const Mail& mail) override;

private:
    std::filesystem::path m_directory;
    std::string m_from;
    const Clock& m_clock;
};

} // namespace numeria::mail
