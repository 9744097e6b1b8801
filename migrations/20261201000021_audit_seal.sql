-- The audit log's entries are sealed from now on with a key kept outside the database
-- (HMAC-SHA256, version 2). The entries written before carry version 1 (SHA-256 without a
-- key) and stay verifiable as they were; a version 1 entry after a version 2 one breaks the
-- chain (`server audit verify`).
ALTER TABLE audit_log ADD COLUMN hash_version BIGINT NOT NULL DEFAULT 1;

-- The chain's head as each day's signed checkpoint recorded it (one per day, Paris). The
-- anchor is the checkpoint file written to the data directory; this row lets the animators
-- see the last one, and the first server to insert it is the one that claimed that day.
CREATE TABLE audit_checkpoints (
    day        TEXT PRIMARY KEY,
    seq        BIGINT NOT NULL,
    hash       TEXT NOT NULL,
    at         BIGINT NOT NULL,
    signature  TEXT NOT NULL
);
