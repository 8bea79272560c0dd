-- 0013 jobs: work done after a transaction commits (an e-mail to send), claimed with a token and
-- an expiry so one runner at a time holds it, retried with back-off up to max_attempts
-- (docs/rules/jobs.md). state: READY (due at run_after), RUNNING (claimed until claimed_until),
-- DONE (payload dropped), FAILED (gave up; last_error says why). The table of 0001 was never
-- used (nothing wrote to it): it is replaced.
DROP INDEX jobs_pending;
DROP TABLE jobs;

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('READY', 'RUNNING', 'DONE', 'FAILED')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
    run_after BIGINT NOT NULL,
    claim_token TEXT,
    claimed_until BIGINT,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The runner's claim looks only at the jobs still to do.
CREATE INDEX jobs_due ON jobs (run_after, id) WHERE state IN ('READY', 'RUNNING');
