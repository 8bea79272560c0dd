-- 0011 import attempts (docs/rules/student-import.md "Import jobs"): how many times the running
-- import was claimed without reaching a resting state (a crash loop ends after 3), and the token of
-- the claim, so only its holder renews it or records the outcome; a VALIDATED import that holds a
-- token is being applied, one without is waiting for the référent's confirmation.
ALTER TABLE learner_imports ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE learner_imports ADD COLUMN claim_token TEXT;
