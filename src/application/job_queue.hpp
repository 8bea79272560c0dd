// job_queue.hpp: the `jobs` table as the application sees it: work done after a transaction
// commits (an e-mail to send), claimed by one runner at a time, retried with back-off up to an
// attempt limit, its state visible (docs/rules/jobs.md). The job runner is job_runner.hpp.
#pragma once

#include "core/clock.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace numeria::application {

struct Job {
    long long id = 0;
    std::string kind;    // e.g. "mail"
    std::string payload; // JSON, read by the kind's handler
    int attempts = 0;    // claims so far, this one included
    int max_attempts = 0;
    // Set by the runner for the handler: the claim it holds and how far each renewal extends it. A
    // handler that writes its result checks, in the same transaction, that the claim is still its
    // own (JobQueue::renew): a runner that stalled past its expiry must write nothing more.
    std::string token;
    std::chrono::milliseconds claim{0};
};

struct JobCounts {
    long long ready = 0;   // waiting for their time (first run or a retry)
    long long running = 0; // claimed by a runner
    long long done = 0;
    long long failed = 0; // gave up after their last attempt
};

class JobQueue {
public:
    virtual ~JobQueue() = default;
    // Adds a job that may run from `run_after` on; committed with the transaction that adds it.
    virtual long long enqueue(const std::string& kind, const std::string& payload, int max_attempts, EpochMs now,
                              EpochMs run_after) = 0;
    // Claims the oldest job of `kind` due at `now` that no live claim holds (ready, or running under a
    // claim that expired: its runner died), under `token` until `claim_until`, counting one more
    // attempt. On PostgreSQL, concurrent runners skip each other's rows (FOR UPDATE SKIP LOCKED).
    [[nodiscard]] virtual std::optional<Job> claim_next(const std::string& kind, EpochMs now, EpochMs claim_until,
                                                        const std::string& token) = 0;
    // Whether a job of `kind` is due at `now` and free (what claim_next would look for), read
    // without the write lock: the runners' poll asks this first.
    [[nodiscard]] virtual bool has_due(const std::string& kind, EpochMs now) = 0;
    // Extends a claim; false when `token` no longer holds it.
    virtual bool renew(long long id, const std::string& token, EpochMs claim_until) = 0;
    // The job is done: its payload is dropped. False when `token` no longer holds the claim.
    virtual bool complete(long long id, const std::string& token, EpochMs now) = 0;
    // The attempt failed: ready again at `run_after`, with the reason kept for operators.
    virtual bool retry_later(long long id, const std::string& token, const std::string& error, EpochMs run_after,
                             EpochMs now) = 0;
    // The last attempt failed: the job stays, failed, with its reason.
    virtual bool give_up(long long id, const std::string& token, const std::string& error, EpochMs now) = 0;
    [[nodiscard]] virtual JobCounts counts() = 0;
    // Deletes the DONE jobs last updated before `before`; returns how many.
    virtual long long purge_done(EpochMs before) = 0;
};

} // namespace numeria::application
