// sql_job_queue.hpp: the `jobs` table (migration 0013) behind application::JobQueue. One SQL text
// for both engines except the claim's row lock: PostgreSQL runners skip the rows another runner
// is claiming (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time.
#pragma once

#include "application/job_queue.hpp"

#include <soci/soci.h>

namespace numeria::storage {

class SqlJobQueue final : public application::JobQueue {
public:
    explicit SqlJobQueue(soci::session& sql)
        : m_sql(sql) {}
    long long enqueue(const std::string& kind, const std::string& payload, int max_attempts, EpochMs now,
                      EpochMs run_after) override;
    std::optional<application::Job> claim_next(const std::string& kind, EpochMs now, EpochMs claim_until,
                                               const std::string& token) override;
    bool has_due(const std::string& kind, EpochMs now) override;
    bool renew(long long id, const std::string& token, EpochMs claim_until) override;
    bool complete(long long id, const std::string& token, EpochMs now) override;
    bool retry_later(long long id, const std::string& token, const std::string& error, EpochMs run_after,
                     EpochMs now) override;
    bool give_up(long long id, const std::string& token, const std::string& error, EpochMs now) override;
    application::JobCounts counts() override;
    long long purge_done(EpochMs before) override;

private:
    bool settle(long long id, const std::string& token, const std::string& state, const std::string& error,
                EpochMs run_after, EpochMs now, bool drop_payload);
    soci::session& m_sql;
};

} // namespace numeria::storage
