#include "mail/smtp_mailer.hpp"

#include "mail/message.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>

namespace numeria::mail {

namespace {

struct Upload {
    const std::string* text;
    std::size_t offset = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t room = size * count;
    const std::size_t left = upload->text->size() - upload->offset;
    const std::size_t n = std::min(room, left);
    std::memcpy(buffer, upload->text->data() + upload->offset, n);
    upload->offset += n;
    return n;
}

} // namespace

SmtpMailer::SmtpMailer(std::string url, std::string from, const Clock& clock)
    : m_url(std::move(url))
    , m_from(std::move(from))
    , m_clock(clock) {}

Status SmtpMailer::send(const Mail& mail) {
    unsigned char bytes[8];
    randombytes_buf(bytes, sizeof bytes);
    char random[17];
    sodium_bin2hex(random, sizeof random, bytes, sizeof bytes);
    const std::string message = format_message(mail, m_from, m_clock.now(), std::string(random) + "@numeria");
    CURL* curl = curl_easy_init();
    if (!curl)
        return fail(Error{ErrorCode::Unavailable, "mail.not_sent", "curl_easy_init failed"});
    Upload upload{&message};
    const std::string from = "<" + m_from + ">";
    const std::string to = "<" + mail.to + ">";
    curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
    curl_easy_setopt(curl, CURLOPT_URL, m_url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK)
        return fail(Error{ErrorCode::Unavailable, "mail.not_sent", curl_easy_strerror(code)});
    return {};
}

} // namespace numeria::mail
