#include "application/job_runner.hpp"

#include "identity/domain/session_token.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace numeria::application {

namespace {

void log_job(const char* message, const Job& job, const std::string& error) {
    spdlog::warn(nlohmann::json{
        {"msg", message},
        {"job", job.id},
        {"kind", job.kind},
        {"attempt", job.attempts},
        {"max_attempts", job.max_attempts},
        {"error",
         error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

std::chrono::milliseconds retry_delay(const JobRunnerSettings& settings, int attempts) {
    std::chrono::milliseconds delay = settings.first_retry;
    for (int i = 1; i < attempts && delay < settings.longest_retry; ++i)
        delay *= 2;
    return std::min(delay, settings.longest_retry);
}

void JobRunner::start() {
    m_thread = std::thread([this] { loop(); });
}

void JobRunner::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void JobRunner::notify() {
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_all();
}

void JobRunner::loop() {
    for (;;) {
        try {
            run_due();
        } catch (const std::exception& error) {
            // The database is unreachable: the next poll tries again.
            spdlog::error(nlohmann::json{{"msg", "job runner failed"}, {"error", error.what()}}.dump(
                -1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, m_settings.poll, [this] { return m_stopping || m_pending; });
        if (m_stopping)
            return;
        m_pending = false;
    }
}

int JobRunner::run_due() {
    // Once an hour, the jobs done long ago go (their payload went when they finished).
    if (const EpochMs now = m_clock.now(); now >= m_next_purge) {
        m_next_purge = now + 60LL * 60 * 1000;
        (void)m_tx.write([&](UnitOfWork& uow) -> Status {
            uow.jobs().purge_done(now - m_settings.keep_done.count());
            return {};
        });
    }
    int ran = 0;
    while (run_one()) {
        ++ran;
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            break;
    }
    return ran;
}

bool JobRunner::run_one() {
    const std::string token = identity::new_token();
    const EpochMs now = m_clock.now();
    Result<std::optional<Job>> claimed = m_tx.write([&](UnitOfWork& uow) -> Result<std::optional<Job>> {
        return uow.jobs().claim_next(now, now + m_settings.claim.count(), token);
    });
    if (!claimed || !*claimed)
        return false;
    const Job job = **claimed;
    std::string error;
    bool passing = false;
    auto handler = m_handlers.find(job.kind);
    if (job.attempts > job.max_attempts) {
        error = "the process running the last attempt stopped";
    } else if (handler == m_handlers.end()) {
        error = "no handler for this kind of job";
    } else {
        try {
            Status done = handler->second(job);
            if (done) {
                (void)m_tx.write([&](UnitOfWork& uow) -> Status {
                    uow.jobs().complete(job.id, token, m_clock.now());
                    return {};
                });
                return true;
            }
            error = done.error().reason + (done.error().detail.empty() ? "" : ": " + done.error().detail);
            passing = done.error().code == ErrorCode::Unavailable;
        } catch (const std::exception& thrown) {
            error = thrown.what();
            passing = true;
        }
    }
    const EpochMs after = m_clock.now();
    if (passing && job.attempts < job.max_attempts) {
        log_job("job failed, will retry", job, error);
        (void)m_tx.write([&](UnitOfWork& uow) -> Status {
            uow.jobs().retry_later(job.id, token, error, after + retry_delay(m_settings, job.attempts).count(), after);
            return {};
        });
    } else {
        log_job("job gave up", job, error);
        (void)m_tx.write([&](UnitOfWork& uow) -> Status {
            uow.jobs().give_up(job.id, token, error, after);
            return {};
        });
    }
    return true;
}

} // namespace numeria::application
