-- 0004 login throttle: consecutive log-in failures per account ("login:…") and per IP ("ip:…").
CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    blocked_until BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
