-- People, their sessions, single-use tokens, sign-in failures and the e-mail outbox.

CREATE TABLE users (
    id                 TEXT PRIMARY KEY,
    -- NULL once the account is deleted: personal data goes, the row stays for history.
    email              TEXT UNIQUE,
    display_name       TEXT NOT NULL,
    password_hash      TEXT,
    email_verified_at  BIGINT,
    -- 'admin' for the platform's administrators; NULL otherwise.
    platform_role      TEXT,
    deleted_at         BIGINT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- Single-use, expiring links sent by e-mail (address verification, password reset).
CREATE TABLE account_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX account_tokens_user_id ON account_tokens (user_id);

-- Failed sign-ins, for throttling per account and per address.
CREATE TABLE login_failures (
    id           TEXT PRIMARY KEY,
    account_key  TEXT NOT NULL,
    client_ip    TEXT NOT NULL,
    at           BIGINT NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_key, at);
CREATE INDEX login_failures_ip ON login_failures (client_ip, at);

-- Messages waiting to be sent; a row leaves only once the message is delivered.
CREATE TABLE email_outbox (
    id               TEXT PRIMARY KEY,
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    last_error       TEXT,
    sent_at          BIGINT
);
CREATE INDEX email_outbox_pending ON email_outbox (sent_at, next_attempt_at);
