#include "mail/outbox_mailer.hpp"

#include "mail/message.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <fstream>

namespace numeria::mail {

OutboxMailer::OutboxMailer(std::filesystem::path directory, std::string from, const Clock& clock)
    : m_directory(std::move(directory))
    , m_from(std::move(from))
    , m_clock(clock) {}

Status OutboxMailer::send(const Mail& mail) {
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    char random[17];
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    sodium_bin2hex(random, sizeof random, bytes, sizeof bytes);
    const EpochMs now = m_clock.now();
    const std::string id = std::to_string(now) + "-" + random;
    const std::filesystem::path file = m_directory / (id + ".eml");
    {
        std::ofstream out(file, std::ios::binary);
        out << format_message(mail, m_from, now, id + "@numeria.outbox");
        if (!out)
            return fail(Error{ErrorCode::Unavailable, "mail.not_sent", "cannot write " + file.string()});
    }
    spdlog::info(nlohmann::json{{"msg", "mail written to outbox"}, {"file", file.string()}, {"link", mail.link}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace));
    return {};
}

} // namespace numeria::mail
