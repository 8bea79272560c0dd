-- 0010 learner details: the SUP columns (docs/rules/student-import.md "SUP CSV": Composante, Équipe
-- pédagogique, Diplôme, Régime; the group stays in division), and the account a teacher dissociated
-- from a learner, which imports never link again (docs/rules/student-import.md "Applying the import").
ALTER TABLE learners ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN educational_team TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN diploma TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN study_scheme TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN dissociated_user_id BIGINT REFERENCES users (id);
