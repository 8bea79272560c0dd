-- 0016 assessments (docs/rules/learning.md): a learner's competence evaluation (later: a campaign's
-- assessment), its answers and the knowledge elements they produce (docs/rules/positioning.md).
-- state: started (current_challenge_id, when set, is the question served and not answered yet,
-- served at served_at), completed. One started competence evaluation per learner and competence.
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    type TEXT NOT NULL CHECK (type IN ('COMPETENCE_EVALUATION', 'CAMPAIGN')),
    competence TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('started', 'completed')),
    current_challenge_id TEXT,
    served_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX assessments_user ON assessments (user_id, type, competence, id);

CREATE TABLE answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id BIGINT NOT NULL REFERENCES assessments (id),
    challenge_id TEXT NOT NULL,
    value TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('ok', 'ko', 'aband', 'timedout')),
    created_at BIGINT NOT NULL
);

CREATE INDEX answers_assessment ON answers (assessment_id, id);

CREATE TABLE knowledge_elements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id),
    assessment_id BIGINT NOT NULL REFERENCES assessments (id),
    answer_id BIGINT NOT NULL REFERENCES answers (id),
    competence TEXT NOT NULL,
    tube TEXT NOT NULL,
    skill TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('validated', 'invalidated', 'reset')),
    source TEXT NOT NULL CHECK (source IN ('direct', 'inferred')),
    earned_pix REAL NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX knowledge_elements_user ON knowledge_elements (user_id, competence, id);
