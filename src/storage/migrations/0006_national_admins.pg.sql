-- 0006 national administrators (Admin space).
CREATE TABLE national_admins (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    created_at BIGINT NOT NULL
);
