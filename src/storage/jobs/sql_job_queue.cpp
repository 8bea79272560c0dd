#include "storage/jobs/sql_job_queue.hpp"

namespace numeria::storage {

namespace {

// Due and not held: READY whose time has come, or RUNNING under an expired claim (its runner died).
constexpr const char* DUE = "state IN ('READY', 'RUNNING') AND run_after <= :now AND "
                            "(claimed_until IS NULL OR claimed_until < :now2)";

} // namespace

long long SqlJobQueue::enqueue(const std::string& kind, const std::string& payload, int max_attempts, EpochMs now,
                               EpochMs run_after) {
    const long long at = now;
    const long long after = run_after;
    long long id = 0;
    m_sql << "INSERT INTO jobs (kind, payload, state, max_attempts, run_after, created_at, updated_at) "
             "VALUES (:k, :p, 'READY', :m, :r, :c, :u) RETURNING id",
        soci::use(kind), soci::use(payload), soci::use(max_attempts), soci::use(after), soci::use(at), soci::use(at),
        soci::into(id);
    return id;
}

std::optional<application::Job> SqlJobQueue::claim_next(const std::string& kind, EpochMs now, EpochMs claim_until,
                                                        const std::string& token) {
    const long long at = now;
    const long long until = claim_until;
    // Not a cached statement: one left positioned on its row would keep SQLite's transaction open
    // past COMMIT (the viewer's cached query reads to its end, outside any transaction).
    const bool postgresql = m_sql.get_backend_name() == "postgresql";
    long long id = 0;
    m_sql << std::string("SELECT id FROM jobs WHERE kind = :k AND ") + DUE + " ORDER BY run_after, id LIMIT 1" +
                 (postgresql ? " FOR UPDATE SKIP LOCKED" : ""),
        soci::use(kind), soci::use(at), soci::use(at), soci::into(id);
    if (!m_sql.got_data())
        return std::nullopt;
    // The update checks again that the job is due and free: another runner may have taken it.
    soci::statement claim =
        (m_sql.prepare << std::string("UPDATE jobs SET state = 'RUNNING', claim_token = :t, "
                                      "claimed_until = :u, attempts = attempts + 1, "
                                      "updated_at = :n WHERE id = :i AND ") +
                              DUE,
         soci::use(token), soci::use(until), soci::use(at), soci::use(id), soci::use(at), soci::use(at));
    claim.execute(true);
    if (claim.get_affected_rows() != 1)
        return std::nullopt;
    application::Job job;
    job.id = id;
    m_sql << "SELECT kind, payload, attempts, max_attempts FROM jobs WHERE id = :i", soci::use(id),
        soci::into(job.kind), soci::into(job.payload), soci::into(job.attempts), soci::into(job.max_attempts);
    return job;
}

bool SqlJobQueue::has_due(const std::string& kind, EpochMs now) {
    const long long at = now;
    int due = 0;
    m_sql << std::string("SELECT COUNT(*) FROM (SELECT id FROM jobs WHERE kind = :k AND ") + DUE + " LIMIT 1) d",
        soci::use(kind), soci::use(at), soci::use(at), soci::into(due);
    return due > 0;
}

bool SqlJobQueue::renew(long long id, const std::string& token, EpochMs claim_until) {
    const long long until = claim_until;
    soci::statement update = (m_sql.prepare << "UPDATE jobs SET claimed_until = :u WHERE id = :i AND claim_token = :t "
                                               "AND state = 'RUNNING'",
                              soci::use(until), soci::use(id), soci::use(token));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool SqlJobQueue::settle(long long id, const std::string& token, const std::string& state, const std::string& error,
                         EpochMs run_after, EpochMs now, bool drop_payload) {
    const long long at = now;
    const long long after = run_after;
    soci::statement update =
        (m_sql.prepare << std::string(
                              "UPDATE jobs SET state = :s, last_error = :e, run_after = :r, claim_token = NULL, "
                              "claimed_until = NULL, updated_at = :n") +
                              (drop_payload ? ", payload = ''" : "") +
                              " WHERE id = :i AND claim_token = :t AND state = 'RUNNING'",
         soci::use(state), soci::use(error), soci::use(after), soci::use(at), soci::use(id), soci::use(token));
    update.execute(true);
    return update.get_affected_rows() == 1;
}

bool SqlJobQueue::complete(long long id, const std::string& token, EpochMs now) {
    return settle(id, token, "DONE", "", now, now, true);
}

bool SqlJobQueue::retry_later(long long id, const std::string& token, const std::string& error, EpochMs run_after,
                              EpochMs now) {
    return settle(id, token, "READY", error, run_after, now, false);
}

bool SqlJobQueue::give_up(long long id, const std::string& token, const std::string& error, EpochMs now) {
    return settle(id, token, "FAILED", error, now, now, false);
}

application::JobCounts SqlJobQueue::counts() {
    auto count = [this](const char* state) {
        long long rows = 0;
        const std::string name = state;
        m_sql << "SELECT COUNT(*) FROM jobs WHERE state = :s", soci::use(name), soci::into(rows);
        return rows;
    };
    return application::JobCounts{count("READY"), count("RUNNING"), count("DONE"), count("FAILED")};
}

long long SqlJobQueue::purge_done(EpochMs before) {
    const long long at = before;
    soci::statement purge =
        (m_sql.prepare << "DELETE FROM jobs WHERE state = 'DONE' AND updated_at < :b", soci::use(at));
    purge.execute(true);
    return purge.get_affected_rows();
}

} // namespace numeria::storage
