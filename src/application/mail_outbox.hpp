// mail_outbox.hpp: e-mail as jobs (docs/rules/jobs.md "Mail outbox"). A use case enqueues its mail
// in the transaction that writes the rows the mail is about, so both are committed or neither; the
// job runner sends it afterwards and retries with back-off when the SMTP server refuses or is down.
#pragma once

#include "application/job_queue.hpp"
#include "application/unit_of_work.hpp"
#include "core/mailer.hpp"

namespace numeria::application {

constexpr const char* MAIL_JOB = "mail";
// About 4 hours of retries with the runner's back-off (1 s doubling, at most 30 min apart).
constexpr int MAIL_ATTEMPTS = 15;

void enqueue_mail(UnitOfWork& uow, const Mail& mail, EpochMs now);

// The mail job's handler: sends the message its payload holds.
[[nodiscard]] Status send_mail_job(Mailer& mailer, const Job& job);

} // namespace numeria::application
