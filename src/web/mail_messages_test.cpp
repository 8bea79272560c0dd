#include "web/mail_messages.hpp"

#include <gtest/gtest.h>

namespace numeria::web {
namespace {

TEST(InertMailText, LeavesAnOrdinaryNameAlone) {
    EXPECT_EQ(inert_mail_text("Anne-Hélène D'Arcy J.-P."), "Anne-Hélène D'Arcy J.-P.");
}

TEST(InertMailText, BreaksSchemesAndDomainDots) {
    EXPECT_EQ(inert_mail_text("https://evil.example/connexion"), "https[:]//evil[.]example/connexion");
}

TEST(InertMailText, BreaksWwwAndBareDomains) {
    EXPECT_EQ(inert_mail_text("www.evil.example ou evil.fr"), "www[.]evil[.]example ou evil[.]fr");
}

TEST(InertMailText, BreaksEmailAddresses) {
    EXPECT_EQ(inert_mail_text("chef@evil.example"), "chef[@]evil[.]example");
}

TEST(InertMailText, PutsEverythingOnOneLine) {
    EXPECT_EQ(inert_mail_text("Anne\r\nCliquez\tici\u2028ou\u0085là"), "Anne  Cliquez ici ou là");
}

} // namespace
} // namespace numeria::web
