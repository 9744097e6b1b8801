-- A buyer's purchases file is received and read back in pieces instead of whole (issue 15:
-- a 1,000,000-line CSV imports in bounded memory). Its bytes move from
-- `purchase_imports.content` to rows of about 1 MiB here, written as the upload arrives and
-- read in order by the preview and the confirmation; they are deleted once the file is
-- imported (its lines are the record) or abandoned.
CREATE TABLE purchase_import_chunks (
    import_id   TEXT NOT NULL REFERENCES purchase_imports (id) ON DELETE CASCADE,
    -- 0, 1, 2… in the file's order.
    seq         BIGINT NOT NULL,
    -- BYTEA: PostgreSQL's type; SQLite stores the blob as given.
    bytes       BYTEA NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (import_id, seq)
);

-- How a CSV's text is read, decided while it is received (UTF-8 when every byte sequence of
-- the whole file is, else Windows-1252); NULL for a workbook.
ALTER TABLE purchase_imports ADD COLUMN text_encoding TEXT
    CHECK (text_encoding IN ('utf-8', 'windows-1252'));

-- 1 while the file is still arriving: the row exists only to own its chunks, and nothing
-- but its upload sees it. The upload clears it once the whole file is stored and its header
-- read; a failed upload deletes the row, and an upload left half-way (the server stopped)
-- is deleted by a later one.
ALTER TABLE purchase_imports ADD COLUMN receiving BIGINT NOT NULL DEFAULT 0;

-- The drafts kept whole: their encoding was never recorded, and moving 20 MiB blobs into
-- chunks in SQL alone would leave that undecided. Their buyers send them again (nothing of
-- the ledger is lost: a pending file has no lines yet).
DELETE FROM purchase_imports WHERE content IS NOT NULL;

-- Both databases drop a column that no index, key or constraint names (SQLite since 3.35;
-- the bundled one is newer).
ALTER TABLE purchase_imports DROP COLUMN content;
