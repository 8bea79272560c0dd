#include "mail/message.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace numeria::mail {
namespace {

Mail a_mail() {
    return Mail{"marie@exemple.fr", "Numeria : activer l'espace", "Bonjour,\nVoici le lien.", "http://x/y"};
}

TEST(MailMessage, EncodesANonAsciiSubjectPerRfc2047) {
    ASSERT_GE(sodium_init(), 0);
    Mail mail = a_mail();
    mail.subject = "Numeria : élève";

    std::string text = format_message(mail, "numeria@exemple.fr", 0, "id@x");

    EXPECT_NE(text.find("Subject: =?UTF-8?B?TnVtZXJpYSA6IMOpbMOodmU=?=\r\n"), std::string::npos);
}

TEST(MailMessage, UsesCrlfLineEndingsInTheBody) {
    std::string text = format_message(a_mail(), "numeria@exemple.fr", 0, "id@x");

    EXPECT_NE(text.find("\r\n\r\nBonjour,\r\nVoici le lien.\r\n"), std::string::npos);
}

TEST(MailMessage, RefusesHeaderInjectionThroughTheRecipient) {
    Mail mail = a_mail();
    mail.to = "marie@exemple.fr>\r\nBcc: <espion@exemple.fr";

    std::string text = format_message(mail, "numeria@exemple.fr", 0, "id@x");

    EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
}

TEST(MailMessage, DatesTheMessageInUtc) {
    std::string text = format_message(a_mail(), "numeria@exemple.fr", 1'700'000'000'000, "id@x");

    EXPECT_EQ(text.rfind("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n", 0), 0U);
}

} // namespace
} // namespace numeria::mail
