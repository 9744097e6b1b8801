-- The message thread of a need with each structure it reached (buyer ↔ supplier), kept with
-- the need: every message is e-mailed to the other side.
CREATE TABLE need_messages (
    id            TEXT PRIMARY KEY,
    need_id       TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    -- Who wrote it: the buying organisation or the structure.
    side          TEXT NOT NULL CHECK (side IN ('buyer', 'supplier')),
    author_id     TEXT REFERENCES users (id) ON DELETE SET NULL,
    body          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX need_messages_thread ON need_messages (need_id, structure_id, created_at);
-- The bound on one author's messages per need.
CREATE INDEX need_messages_author ON need_messages (author_id, need_id, created_at);
