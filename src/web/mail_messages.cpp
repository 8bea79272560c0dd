#include "web/mail_messages.hpp"

#include "web/web_app.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace numeria::web {

Mail password_reset_mail(const WebApp& app, const std::string& to, const std::string& token) {
    const std::string link = app.public_url() + "/mot-de-passe/nouveau?jeton=" + token;
    return Mail{to, "Numeria : choisir un nouveau mot de passe",
                app.templates.render("mail_password_reset", mstch::map{{"link", link}}), link};
}

Mail activation_mail(const WebApp& app, const std::string& to, const std::string& token,
                     const std::string& establishment, const std::string& requester) {
    const std::string link = app.public_url() + "/activation/confirmer?jeton=" + token;
    return Mail{
        to, "Numeria : activer l'espace de votre établissement",
        app.templates.render("mail_activation",
                             mstch::map{{"link", link}, {"establishment", establishment}, {"requester", requester}}),
        link};
}

Mail invitation_mail(const WebApp& app, const std::string& to, const std::string& token,
                     const std::string& organization, const std::string& inviter) {
    const std::string link = app.public_url() + "/invitation?jeton=" + token;
    return Mail{to, "Numeria : invitation à rejoindre « " + organization + " »",
                app.templates.render("mail_invitation",
                                     mstch::map{{"link", link}, {"organization", organization}, {"inviter", inviter}}),
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

bool send_mail(WebApp& app, const Request& request, const Mail& mail) {
    auto sent = app.mailer.send(mail);
    if (!sent)
        spdlog::error(
            nlohmann::json{{"msg", "mail not sent"}, {"request_id", request.request_id}, {"error", sent.error().detail}}
                .dump());
    return sent.has_value();
}

} // namespace numeria::web
