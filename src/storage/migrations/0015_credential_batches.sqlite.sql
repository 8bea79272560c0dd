-- 0015 credential batches (docs/rules/accounts.md "Class credentials batches"): a class's
-- temporary passwords are made by a job, one pupil at a time, and kept sealed (encrypted with a
-- key derived from the server's secret file) so the class sheet can be downloaded again, with the
-- same passwords, until the class's next batch wipes them. state: RUNNING (the job issues the
-- PENDING lines), DONE, REPLACED (a newer batch of the class exists: its passwords are gone).
CREATE TABLE credential_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    division TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'REPLACED')),
    created_by BIGINT,
    created_ip TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);

CREATE INDEX credential_batches_class ON credential_batches (organization_id, division, id);

-- outcome: PENDING (still to issue), ISSUED (username and sealed password set), SKIPPED (reason
-- says why: disabled since, no birth date, e-mail account since).
CREATE TABLE credential_batch_lines (
    batch_id BIGINT NOT NULL REFERENCES credential_batches (id),
    position INTEGER NOT NULL,
    learner_id BIGINT NOT NULL REFERENCES learners (id),
    division TEXT NOT NULL,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('PENDING', 'ISSUED', 'SKIPPED')),
    reason TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL DEFAULT '',
    sealed_password TEXT,
    PRIMARY KEY (batch_id, position)
);
