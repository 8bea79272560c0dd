// mail_messages.hpp: the e-mails Numeria sends, composed from templates/mail_*.mustache, shared by
// the pages and the API.
#pragma once

#include "core/mailer.hpp"

#include <string>
#include <string_view>

namespace numeria::web {

struct WebApp;
struct Request;

// Text someone else typed (a requester's name, a name from an import file), made inert to quote in a
// plain-text mail (docs/rules/security.md "Activation e-mail"): one line (control characters and
// line separators become spaces) and nothing a mail client would turn into a link: "://" becomes
// "[:]//", "@" becomes "[@]", and a dot followed by a letter or digit becomes "[.]".
[[nodiscard]] std::string inert_mail_text(std::string_view text);

[[nodiscard]] Mail password_reset_mail(const WebApp& app, const std::string& to, const std::string& token);
[[nodiscard]] Mail activation_mail(const WebApp& app, const std::string& to, const std::string& token,
                                   const std::string& establishment, const std::string& requester);
[[nodiscard]] Mail invitation_mail(const WebApp& app, const std::string& to, const std::string& token,
                                   const std::string& organization, const std::string& inviter);

[[nodiscard]] Mail account_unlock_mail(const WebApp& app, const std::string& to, const std::string& token);
// After a sign-up: a welcome to a new account, or a warning to the owner of a taken address (the
// page answers the same in both cases).
[[nodiscard]] Mail sign_up_welcome_mail(const WebApp& app, const std::string& to);
[[nodiscard]] Mail sign_up_taken_mail(const WebApp& app, const std::string& to);

// Sends and logs a failure with the request id; returns whether the mail left.
bool send_mail(WebApp& app, const Request& request, const Mail& mail);

} // namespace numeria::web
