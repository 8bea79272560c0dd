// mail_messages.hpp: the e-mails Numeria sends, composed from templates/mail_*.mustache, shared by
// the pages and the API.
#pragma once

#include "application/services.hpp"
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

// The mails of the use cases (application::MailTexts), from this site's templates and address.
class WebMailTexts final : public application::MailTexts {
public:
    explicit WebMailTexts(const WebApp& app)
        : m_app(app) {}
    Mail password_reset(const std::string& to, const std::string& token) const override {
        return password_reset_mail(m_app, to, token);
    }
    Mail activation(const std::string& to, const std::string& token, const std::string& establishment,
                    const std::string& requester) const override {
        return activation_mail(m_app, to, token, establishment, requester);
    }
    Mail invitation(const std::string& to, const std::string& token, const std::string& organization,
                    const std::string& inviter) const override {
        return invitation_mail(m_app, to, token, organization, inviter);
    }
    Mail account_unlock(const std::string& to, const std::string& token) const override {
        return account_unlock_mail(m_app, to, token);
    }
    Mail sign_up_welcome(const std::string& to) const override { return sign_up_welcome_mail(m_app, to); }
    Mail sign_up_taken(const std::string& to) const override { return sign_up_taken_mail(m_app, to); }

private:
    const WebApp& m_app;
};

} // namespace numeria::web
