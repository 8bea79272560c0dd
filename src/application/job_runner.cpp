#include "application/job_runner.hpp"

#include "identity/domain/session_token.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>

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

namespace {

// Renews a job's claim every third of its length until destroyed, so a handler that runs longer
// than one claim (an import of 20 MB on a slow machine) keeps its job.
class ClaimHeartbeat {
public:
    ClaimHeartbeat(Transactions& tx, const Clock& clock, const Job& job)
        : m_thread([this, &tx, &clock, job] {
            std::unique_lock lock(m_mutex);
            while (!m_wake.wait_for(lock, job.claim / 3, [this] { return m_done; })) {
                lock.unlock();
                bool held = true;
                try {
                    (void)tx.write([&](UnitOfWork& uow) -> Status {
                        held = uow.jobs().renew(job.id, job.token, clock.now() + job.claim.count());
                        return {};
                    });
                } catch (const std::exception& error) {
                    log_job("job claim renewal failed", job, error.what()); // tried again next time
                }
                lock.lock();
                if (!held)
                    return; // taken by another runner: the handler's own checks will see so
            }
        }) {}
    ~ClaimHeartbeat() {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    ClaimHeartbeat(const ClaimHeartbeat&) = delete;
    ClaimHeartbeat& operator=(const ClaimHeartbeat&) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread; // last: starts once the members above exist
};

} // namespace

void JobRunner::start() {
    for (unsigned i = 0; i < std::max(1U, m_settings.threads); ++i)
        m_threads.emplace_back([this] { loop(); });
}

void JobRunner::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& thread : m_threads)
        if (thread.joinable())
            thread.join();
    m_threads.clear();
}

void JobRunner::notify() {
    {
        std::lock_guard lock(m_mutex);
        ++m_wakes;
    }
    m_wake.notify_all();
}

void JobRunner::loop() {
    unsigned long seen = 0;
    for (;;) {
        try {
            run_due();
        } catch (const std::exception& error) {
            // The database is unreachable: the next poll tries again.
            spdlog::error(nlohmann::json{{"msg", "job runner failed"}, {"error", error.what()}}.dump(
                -1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, m_settings.poll, [&] { return m_stopping || m_wakes != seen; });
        if (m_stopping)
            return;
        seen = m_wakes;
    }
}

int JobRunner::run_due() {
    // Once an hour, the jobs done long ago go (their payload went when they finished).
    const EpochMs now = m_clock.now();
    bool purge = false;
    {
        std::lock_guard lock(m_mutex);
        if (now >= m_next_purge) {
            m_next_purge = now + 60LL * 60 * 1000;
            purge = true;
        }
    }
    if (purge)
        (void)m_tx.write([&](UnitOfWork& uow) -> Status {
            uow.jobs().purge_done(now - m_settings.keep_done.count());
            return {};
        });
    int ran = 0;
    while (run_one()) {
        ++ran;
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            break;
    }
    return ran;
}

Status JobRunner::run_handler(const Kind& kind, const Job& job) {
    ClaimHeartbeat heartbeat(m_tx, m_clock, job);
    return kind.run(job);
}

bool JobRunner::run_one() {
    const std::string token = identity::new_token();
    const EpochMs now = m_clock.now();
    // A read first (no write lock, on SQLite): the poll finds nothing most of the time.
    bool due = false;
    (void)m_tx.read([&](UnitOfWork& uow) -> Status {
        for (const auto& entry : m_kinds)
            due = due || uow.jobs().has_due(entry.first, now);
        return {};
    });
    if (!due)
        return false;
    // Only the kinds this runner handles (each process runs one runner for e-mails, one for imports).
    Result<std::optional<Job>> claimed = m_tx.write([&](UnitOfWork& uow) -> Result<std::optional<Job>> {
        for (const auto& [name, kind] : m_kinds)
            if (auto job = uow.jobs().claim_next(name, now, now + m_settings.claim.count(), token))
                return job;
        return std::optional<Job>{};
    });
    if (!claimed || !*claimed)
        return false;
    Job job = **claimed;
    job.token = token;
    job.claim = m_settings.claim;
    const Kind& kind = m_kinds.at(job.kind); // claimed among these kinds only
    if (job.attempts > job.max_attempts) {
        fail(job, kind, "the process running the last attempt stopped", false);
        return true;
    }
    try {
        Status done = run_handler(kind, job);
        if (done) {
            (void)m_tx.write([&](UnitOfWork& uow) -> Status {
                uow.jobs().complete(job.id, token, m_clock.now());
                return {};
            });
            return true;
        }
        fail(job, kind, done.error().reason + (done.error().detail.empty() ? "" : ": " + done.error().detail),
             done.error().code == ErrorCode::Unavailable);
    } catch (const std::exception& thrown) {
        fail(job, kind, thrown.what(), true);
    }
    return true;
}

void JobRunner::fail(const Job& job, const Kind& kind, const std::string& error, bool passing) {
    const EpochMs after = m_clock.now();
    if (passing && job.attempts < job.max_attempts) {
        log_job("job failed, will retry", job, error);
        (void)m_tx.write([&](UnitOfWork& uow) -> Status {
            uow.jobs().retry_later(job.id, job.token, error, after + retry_delay(m_settings, job.attempts).count(),
                                   after);
            return {};
        });
        return;
    }
    log_job("job gave up", job, error);
    if (kind.give_up) {
        try {
            kind.give_up(job, error);
        } catch (const std::exception& thrown) {
            // The claim expires and the next runner gives up again (the attempts stay spent).
            log_job("job give-up hook failed", job, thrown.what());
            return;
        }
    }
    (void)m_tx.write([&](UnitOfWork& uow) -> Status {
        uow.jobs().give_up(job.id, job.token, error, after);
        return {};
    });
}

} // namespace numeria::application
