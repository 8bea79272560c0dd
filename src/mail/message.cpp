#include "mail/message.hpp"

#include <sodium.h>

#include <ctime>

namespace numeria::mail {

namespace {

// RFC 2047 "encoded-word" in base64 for non-ASCII header text.
std::string encode_header(const std::string& text) {
    bool ascii = true;
    for (unsigned char c : text)
        ascii = ascii && c >= 0x20 && c < 0x7f;
    if (ascii)
        return text;
    std::string encoded(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(encoded.find('\0'));
    return "=?UTF-8?B?" + encoded + "?=";
}

// Header values never carry line breaks (header injection).
std::string single_line(std::string text) {
    for (char& c : text) {
        if (c == '\r' || c == '\n')
            c = ' ';
    }
    return text;
}

std::string rfc5322_date(EpochMs now) {
    std::time_t seconds = static_cast<std::time_t>(now / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
    return buffer;
}

} // namespace

std::string format_message(const Mail& mail, const std::string& from, EpochMs now, const std::string& message_id) {
    std::string body;
    for (char c : mail.text) {
        if (c == '\n')
            body += "\r\n";
        else if (c != '\r')
            body += c;
    }
    return "Date: " + rfc5322_date(now) + "\r\n" + "From: Numeria <" + single_line(from) + ">\r\n" + "To: <" +
           single_line(mail.to) + ">\r\n" + "Subject: " + encode_header(single_line(mail.subject)) + "\r\n" +
           "Message-ID: <" + message_id + ">\r\n" + "MIME-Version: 1.0\r\n" +
           "Content-Type: text/plain; charset=utf-8\r\n" + "Content-Transfer-Encoding: 8bit\r\n" + "\r\n" + body +
           "\r\n";
}

} // namespace numeria::mail
