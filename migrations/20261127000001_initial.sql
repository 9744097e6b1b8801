-- Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Identifiers are text (UUIDs made by the application); instants are BIGINT Unix milliseconds.

-- Supplier structures of the directory. The directory issue extends this table.
CREATE TABLE structures (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'submitted', 'published', 'suspended', 'archived')),
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Goods and services offered by a structure.
CREATE TABLE offers (
    id            TEXT PRIMARY KEY,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'published', 'archived')),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE INDEX offers_structure_id ON offers (structure_id);
