#include "web/mail_messages.hpp"

#include "web/web_app.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace numeria::web {

namespace {

bool ascii_alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

// Rule: docs/rules/security.md "Activation e-mail": quoted text is one line and never a link.
std::string inert_mail_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::string_view rest = text.substr(i);
        if (c < 0x20 || c == 0x7F) {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += ' '; // C1 control (U+0080–U+009F)
            ++i;
        } else if (rest.substr(0, 3) == "\xE2\x80\xA8" || rest.substr(0, 3) == "\xE2\x80\xA9") {
            out += ' '; // line and paragraph separators
            i += 2;
        } else if (rest.substr(0, 3) == "://") {
            out += "[:]//";
            i += 2;
        } else if (c == '@') {
            out += "[@]";
        } else if (c == '.' && i + 1 < text.size() && ascii_alphanumeric(text[i + 1])) {
            out += "[.]";
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

Mail password_reset_mail(const WebApp& app, const std::string& to, const std::string& token) {
    const std::string link = app.public_url() + "/mot-de-passe/nouveau?jeton=" + token;
    return Mail{to, "Numeria : choisir un nouveau mot de passe",
                app.templates.render("mail_password_reset", mstch::map{{"link", link}}), link};
}

Mail activation_mail(const WebApp& app, const std::string& to, const std::string& token,
                     const std::string& establishment, const std::string& requester) {
    const std::string link = app.public_url() + "/activation/confirmer?jeton=" + token;
    return Mail{to, "Numeria : activer l'espace de votre établissement",
                app.templates.render("mail_activation", mstch::map{{"link", link},
                                                                   {"establishment", establishment},
                                                                   {"requester", inert_mail_text(requester)}}),
                link};
}

Mail invitation_mail(const WebApp& app, const std::string& to, const std::string& token,
                     const std::string& organization, const std::string& inviter) {
    const std::string link = app.public_url() + "/invitation?jeton=" + token;
    // Rule: docs/rules/security.md "Activation e-mail": names typed by people are made inert in mails.
    return Mail{to, "Numeria : invitation à rejoindre « " + inert_mail_text(organization) + " »",
                app.templates.render("mail_invitation", mstch::map{{"link", link},
                                                                   {"organization", inert_mail_text(organization)},
                                                                   {"inviter", inert_mail_text(inviter)}}),
                link};
}

Mail account_unlock_mail(const WebApp& app, const std::string& to, const std::string& token) {
    const std::string link = app.public_url() + "/connexion/debloquer?jeton=" + token;
    return Mail{to, "Numeria : Débloquer mon compte",
                app.templates.render("mail_account_unlock", mstch::map{{"link", link}}), link};
}

Mail sign_up_welcome_mail(const WebApp& app, const std::string& to) {
    const std::string link = app.public_url() + "/connexion";
    return Mail{to, "Numeria : votre inscription",
                app.templates.render("mail_sign_up_welcome", mstch::map{{"link", link}}), link};
}

Mail sign_up_taken_mail(const WebApp& app, const std::string& to) {
    const std::string link = app.public_url() + "/mot-de-passe-oublie";
    return Mail{to, "Numeria : votre inscription",
                app.templates.render("mail_sign_up_taken", mstch::map{{"link", link}}), link};
}

} // namespace numeria::web
