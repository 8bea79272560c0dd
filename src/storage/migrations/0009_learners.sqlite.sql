-- 0009 learners: the pupils and students of organisations and the history of student-base imports
-- (docs/rules/student-import.md). national_key is the INE (SIECLE, Fregata)
-- or the student number (SUP). A learner's link to an account (user_id) is never cleared by an import.
CREATE TABLE learners (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    national_key TEXT NOT NULL,
    last_name TEXT NOT NULL,
    preferred_last_name TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL,
    middle_name TEXT NOT NULL DEFAULT '',
    third_name TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL DEFAULT '',
    birthdate TEXT NOT NULL,
    birth_city TEXT NOT NULL DEFAULT '',
    birth_city_code TEXT NOT NULL DEFAULT '',
    birth_province_code TEXT NOT NULL DEFAULT '',
    birth_country_code TEXT NOT NULL DEFAULT '',
    mef_code TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    division TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    search_name TEXT NOT NULL DEFAULT '', -- names without case, accents or spaces, for the list's search
    disabled INTEGER NOT NULL DEFAULT 0,
    user_id BIGINT REFERENCES users (id),
    certifiable INTEGER,
    certifiable_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (organization_id, national_key)
);

CREATE INDEX learners_key ON learners (national_key);
CREATE INDEX learners_division ON learners (organization_id, division);
CREATE INDEX learners_user ON learners (user_id);

CREATE TABLE learner_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    state TEXT NOT NULL,
    confirmed INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id),
    outcome TEXT NOT NULL DEFAULT '',
    file_data TEXT,
    claimed_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX learner_imports_organization ON learner_imports (organization_id, id);
CREATE INDEX learner_imports_state ON learner_imports (state);
