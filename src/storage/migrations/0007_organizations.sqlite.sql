-- 0007 organizations: the national directory of establishments, organisations (Orga spaces),
-- their members, and the single-use activation links of school spaces.
CREATE TABLE establishments (
    uai TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    email TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    uai TEXT UNIQUE,
    manages_students INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    archived_at BIGINT
);

CREATE TABLE memberships (
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    removed_at BIGINT,
    PRIMARY KEY (organization_id, user_id)
);

CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE activation_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_digest TEXT NOT NULL UNIQUE,
    uai TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX activation_requests_uai ON activation_requests (uai, created_at);
