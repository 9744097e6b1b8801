-- The purchase ledger's revision. Every statement that writes `purchases` adds a row here in
-- its own transaction (see app/src/db/ledger_changes.rs); rows are never deleted, so their
-- number only grows. Each app server keeps a compact copy of the ledger in memory for the
-- watch's indicators and reads it again when this number has moved.
CREATE TABLE ledger_changes (
    id    TEXT PRIMARY KEY,
    what  TEXT NOT NULL
);
