// job_runner.hpp: runs the jobs of the `jobs` table (docs/rules/jobs.md) in one background thread
// per process: claims a due job under a token and an expiry (so a job whose process died is taken
// again once its claim expires), runs its kind's handler outside any transaction, then records the
// outcome: done; ready again after a back-off (1 s, doubling, at most 30 min) when the handler
// reports a passing failure (Unavailable); failed when the attempts are spent or the failure cannot
// pass (any other error). Several processes share the table: a job runs once at a time.
#pragma once

#include "application/job_queue.hpp"
#include "application/unit_of_work.hpp"
#include "core/clock.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace numeria::application {

using JobHandler = std::function<Status(const Job&)>;

struct JobRunnerSettings {
    // Longer than any handler runs (an SMTP send times out after 30 s).
    std::chrono::milliseconds claim = std::chrono::seconds(120);
    // How often the thread looks for due jobs when nobody wakes it (retries, other processes' jobs).
    std::chrono::milliseconds poll = std::chrono::seconds(1);
    std::chrono::milliseconds first_retry = std::chrono::seconds(1);
    std::chrono::milliseconds longest_retry = std::chrono::minutes(30);
    // DONE jobs are deleted this long after they finished (FAILED ones stay for operators).
    std::chrono::milliseconds keep_done = std::chrono::hours(24 * 30);
};

// The wait before the next attempt, after `attempts` failed ones.
[[nodiscard]] std::chrono::milliseconds retry_delay(const JobRunnerSettings& settings, int attempts);

class JobRunner {
public:
    JobRunner(Transactions& tx, const Clock& clock, JobRunnerSettings settings = {})
        : m_tx(tx)
        , m_clock(clock)
        , m_settings(settings) {}
    ~JobRunner() { stop(); }
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    // Registers the handler of a kind; before start().
    void handle(const std::string& kind, JobHandler handler) { m_handlers[kind] = std::move(handler); }
    void start();
    void stop();
    // A job was enqueued: look now rather than at the next poll.
    void notify();
    // Runs every job due now, one after the other; returns how many ran.
    int run_due();

private:
    bool run_one();
    void loop();

    Transactions& m_tx;
    const Clock& m_clock;
    JobRunnerSettings m_settings;
    std::map<std::string, JobHandler> m_handlers;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_pending = false;
    EpochMs m_next_purge = 0;
};

} // namespace numeria::application
