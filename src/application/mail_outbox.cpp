#include "application/mail_outbox.hpp"

#include <nlohmann/json.hpp>

namespace numeria::application {

void enqueue_mail(UnitOfWork& uow, const Mail& mail, EpochMs now) {
    const nlohmann::json payload{{"to", mail.to}, {"subject", mail.subject}, {"text", mail.text}, {"link", mail.link}};
    (void)uow.jobs().enqueue(MAIL_JOB, payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                             MAIL_ATTEMPTS, now, now);
}

Status send_mail_job(Mailer& mailer, const Job& job) {
    const nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
    if (!payload.is_object() || !payload.contains("to") || !payload["to"].is_string())
        return fail(Error::invalid("mail.payload_invalid", "job " + std::to_string(job.id)));
    Mail mail;
    mail.to = payload["to"].get<std::string>();
    mail.subject = payload.value("subject", "");
    mail.text = payload.value("text", "");
    mail.link = payload.value("link", "");
    return mailer.send(mail);
}

} // namespace numeria::application
