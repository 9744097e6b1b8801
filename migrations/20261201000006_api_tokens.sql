-- Tokens a buyer organisation's own systems use to call the API (`Authorization: Bearer …`).
-- Only the SHA-256 of a token is kept: the token itself is shown once, at its creation.
CREATE TABLE api_tokens (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    -- The owner who created it: the token acts as them while they remain an owner.
    created_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL,
    last_used_at     BIGINT,
    revoked_at       BIGINT,
    revoked_by       TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id, revoked_at);
