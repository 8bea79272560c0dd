-- 0010 learner details: the SUP columns of shared/reference/pix-reference.md §1.3 ("SUP fields")
-- and §3.2 (Composante, Équipe pédagogique, Diplôme, Régime; the group stays in division), and the
-- account a teacher dissociated from a learner, which imports never link again (issue 5 item 7).
ALTER TABLE learners ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN educational_team TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN diploma TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN study_scheme TEXT NOT NULL DEFAULT '';
ALTER TABLE learners ADD COLUMN dissociated_user_id BIGINT REFERENCES users (id);
