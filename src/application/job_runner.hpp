// job_runner.hpp: runs the jobs of the `jobs` table (docs/rules/jobs.md) in background threads of
// each process: claims a due job under a token and an expiry, renewed every third of it while the
// handler runs (so a job whose process died is taken again once its claim expires, and a long one
// is never taken from under its runner), runs its kind's handler outside any transaction, then
// records the outcome: done; ready again after a back-off (1 s, doubling, at most 30 min) when the
// handler reports a passing failure (Unavailable); failed when the attempts are spent or the failure
// cannot pass (any other error), after the kind's give-up hook ran. Several processes share the
// table: a job runs once at a time. A runner claims only the kinds registered with it: the server
// runs one for e-mails and one for student imports, so a long import never holds the e-mails back.
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
#include <vector>

namespace numeria::application {

using JobHandler = std::function<Status(const Job&)>;
// Called once when a job fails for good (its attempts spent, e.g. by a job that kills its process
// each time), with the reason, before the job is recorded as failed.
using JobGiveUp = std::function<void(const Job&, const std::string& error)>;

struct JobRunnerSettings {
    // How long a claim lasts without renewal: the delay before the job of a dead process is taken
    // again. Renewed every third of it while the handler runs.
    std::chrono::milliseconds claim = std::chrono::seconds(60);
    // Threads claiming this runner's kinds (one keeps them in order: e-mails leave in the order written).
    unsigned threads = 1;
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

    // Registers the handler of a kind (and what to do when one of its jobs fails for good); before start().
    void handle(const std::string& kind, JobHandler handler, JobGiveUp give_up = {}) {
        m_kinds[kind] = Kind{std::move(handler), std::move(give_up)};
    }
    void start();
    void stop();
    // A job was enqueued: look now rather than at the next poll.
    void notify();
    // Runs every job due now, one after the other; returns how many ran.
    int run_due();

private:
    struct Kind {
        JobHandler run;
        JobGiveUp give_up;
    };
    bool run_one();
    Status run_handler(const Kind& kind, const Job& job);
    void fail(const Job& job, const Kind& kind, const std::string& error, bool passing);
    void loop();

    Transactions& m_tx;
    const Clock& m_clock;
    JobRunnerSettings m_settings;
    std::map<std::string, Kind> m_kinds;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    unsigned long m_wakes = 0; // notify() calls so far: each thread looks again when it changed
    EpochMs m_next_purge = 0;
};

} // namespace numeria::application
