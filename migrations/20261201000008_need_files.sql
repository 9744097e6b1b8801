-- PDF files attached to needs: the buyer's (specifications, plans) and those of each
-- structure's quote. Kept in the database like the structures' files, so that every app
-- server sees them (10 MB at most, 5 per need and 5 per quote).
CREATE TABLE need_files (
    id            TEXT PRIMARY KEY,
    need_id       TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    -- NULL: the buyer's file of the need; set: a file of that structure's quote.
    structure_id  TEXT REFERENCES structures (id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    -- BYTEA: PostgreSQL's type; SQLite stores the blob as given.
    content       BYTEA NOT NULL,
    uploaded_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX need_files_need ON need_files (need_id, structure_id);
