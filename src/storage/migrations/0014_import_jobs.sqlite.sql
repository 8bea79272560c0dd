-- 0014 import jobs (docs/rules/student-import.md "Import jobs"): each run of an import is a job of
-- the jobs table (claimed, renewed and retried there), so learner_imports loses its own claim
-- (claimed_until, claim_token) and gains `running` (a job is due to run it). The uploaded file
-- leaves its 27 MB base64 column for pieces of 768 KiB (base64, 1 MiB each) that no statement
-- carries all at once. Imports caught mid-run by this upgrade keep their file and get their job.
CREATE TABLE learner_import_chunks (
    import_id BIGINT NOT NULL REFERENCES learner_imports (id),
    seq INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (import_id, seq)
);

ALTER TABLE learner_imports ADD COLUMN running INTEGER NOT NULL DEFAULT 0;

INSERT INTO learner_import_chunks (import_id, seq, data)
    SELECT id, 0, file_data FROM learner_imports WHERE file_data IS NOT NULL AND file_data <> '';

UPDATE learner_imports SET running = 1, attempts = 0
    WHERE state = 'UPLOADED' OR (state = 'VALIDATED' AND (confirmed = 1 OR claim_token IS NOT NULL));

INSERT INTO jobs (kind, payload, state, attempts, max_attempts, run_after, created_at, updated_at)
    SELECT 'learner_import', '{"import":' || id || '}', 'READY', 0, 3, 0, updated_at, updated_at
    FROM learner_imports WHERE running = 1 ORDER BY id;

ALTER TABLE learner_imports DROP COLUMN file_data;
ALTER TABLE learner_imports DROP COLUMN claimed_until;
ALTER TABLE learner_imports DROP COLUMN claim_token;
