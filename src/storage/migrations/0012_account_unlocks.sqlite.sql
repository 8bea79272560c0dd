-- 0012 account unlocks: the single-use link mailed to an account when log-in failures block it
-- (docs/rules/security.md); only the digest of the token is stored. Reset links are looked up by user
-- to spend them all once one is used.
CREATE TABLE account_unlocks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_digest TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX account_unlocks_user ON account_unlocks (user_id);
CREATE INDEX password_resets_user ON password_resets (user_id);
