-- Changes waiting to reach the search index. Written in the transaction of the change; the
-- search worker reloads the current rows, updates Meilisearch, and deletes the entries once
-- Meilisearch has applied them. A claim (worker id and lease end) lets several app servers
-- share the table: an entry is processed by whichever server holds its lease.
CREATE TABLE search_outbox (
    id             TEXT PRIMARY KEY,
    entity         TEXT NOT NULL CHECK (entity IN ('structure', 'offer')),
    entity_id      TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    claimed_by     TEXT,
    claimed_until  BIGINT,
    attempts       BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX search_outbox_due ON search_outbox (claimed_until, created_at);

-- What the search indexes were last set up with (`settings_version`).
CREATE TABLE search_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Which server applies the outbox: one at a time, so that two servers never apply readings
-- of one item out of order (a slower server's older reading landing after a newer one).
CREATE TABLE search_lease (
    name    TEXT PRIMARY KEY,
    holder  TEXT,
    until   BIGINT NOT NULL
);
INSERT INTO search_lease (name, holder, until) VALUES ('outbox', NULL, 0);
