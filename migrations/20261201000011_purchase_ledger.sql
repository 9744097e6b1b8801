-- The purchase ledger of the partnership's watch (veille partenariale): one table of purchase
-- lines, `purchases`, fed by Ecossol's own purchases (source 'ecossol'), the files buyers
-- upload (source 'file') and DECP open data (source 'decp'). Each line keeps the import it
-- came from; its supplier is matched to the directory by SIRET, then SIREN, then by the links
-- the pôle's animators make by hand.

-- One upload of a buyer's purchases file, or one DECP file. A file import stays 'pending'
-- (its content kept here, so that the mapping and preview pages read it again) until the
-- buyer confirms it; it is then 'imported' (content dropped: its lines are the record), and
-- 'replaced' once the same file is imported again.
CREATE TABLE purchase_imports (
    id                TEXT PRIMARY KEY,
    source            TEXT NOT NULL CHECK (source IN ('file', 'decp')),
    -- The buyer whose purchases these are (NULL for DECP: each line names its buyer).
    organisation_id   TEXT REFERENCES organisations (id) ON DELETE CASCADE,
    state             TEXT NOT NULL CHECK (state IN ('pending', 'imported', 'replaced')),
    format            TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'json', 'xml')),
    file_name         TEXT NOT NULL,
    -- The file name folded (case, accents, browser suffixes such as « (1) »): with the
    -- content hash, what makes two uploads « the same file ».
    file_key          TEXT NOT NULL,
    -- SHA-256 of the bytes, hex.
    content_hash      TEXT NOT NULL,
    size_bytes        BIGINT NOT NULL,
    -- BYTEA: PostgreSQL's type; SQLite stores the blob as given. NULL once imported.
    content           BYTEA,
    -- The header row as read (JSON list of strings) and its signature (SHA-256 of the
    -- folded names), which finds the mapping remembered for the same layout.
    headers           TEXT NOT NULL DEFAULT '[]',
    header_signature  TEXT NOT NULL DEFAULT '',
    -- The role of each column, comma-separated codes ('' for an ignored column).
    mapping           TEXT,
    line_count        BIGINT NOT NULL DEFAULT 0,
    total_cents       BIGINT NOT NULL DEFAULT 0,
    matched_count     BIGINT NOT NULL DEFAULT 0,
    replaced_by       TEXT,
    uploaded_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    imported_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at        BIGINT NOT NULL,
    imported_at       BIGINT
);
CREATE INDEX purchase_imports_organisation ON purchase_imports (organisation_id, state, created_at);
CREATE INDEX purchase_imports_same_file ON purchase_imports (organisation_id, file_key);

-- The column mapping a buyer chose for a layout of file, offered again for the next file
-- with the same header.
CREATE TABLE purchase_import_mappings (
    organisation_id   TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    header_signature  TEXT NOT NULL,
    mapping           TEXT NOT NULL,
    updated_by        TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, header_signature)
);

-- A supplier an animator linked by hand to a structure of the directory: by SIRET, SIREN or
-- folded name (for lines without a number). Applies to the lines already there and to every
-- later import.
CREATE TABLE supplier_links (
    key_kind      TEXT NOT NULL CHECK (key_kind IN ('siret', 'siren', 'name')),
    key           TEXT NOT NULL,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    -- The supplier's name as the lines gave it when it was linked.
    supplier_name TEXT NOT NULL,
    linked_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (key_kind, key)
);
CREATE INDEX supplier_links_structure ON supplier_links (structure_id);

-- The ledger's columns. Ecossol's own purchases leave most of them empty: their buyer is
-- their organisation (`buyer_organisation_id`), their structure is known.
ALTER TABLE purchases ADD COLUMN import_id TEXT REFERENCES purchase_imports (id) ON DELETE CASCADE;
-- The line of the file (the header is line 1), or the rank in a DECP file.
ALTER TABLE purchases ADD COLUMN line_number BIGINT;
-- The buying entity: its SIRET (DECP's acheteur.id, or a file's column), its name within
-- the organisation (a service, a direction), and whether the buyer is public or private
-- (for Ecossol's purchases: read organisations.buyer_kind).
ALTER TABLE purchases ADD COLUMN buyer_siret TEXT;
ALTER TABLE purchases ADD COLUMN buyer_entity TEXT;
ALTER TABLE purchases ADD COLUMN buyer_kind TEXT;
-- The supplier's SIREN (also filled when its SIRET is known) and its folded name, which
-- groups the suppliers without a number.
ALTER TABLE purchases ADD COLUMN supplier_siren TEXT;
ALTER TABLE purchases ADD COLUMN supplier_key TEXT;
-- How the structure was found: siret, siren, manual (an animator's link), ecossol.
ALTER TABLE purchases ADD COLUMN match_kind TEXT;
-- `purchased_on` holds the day; a line dated by its year alone has 'year' here and the
-- year's first day there. Yearly reports read `purchased_year`.
ALTER TABLE purchases ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day';
ALTER TABLE purchases ADD COLUMN purchased_year BIGINT;
-- A file's category when it is no CPV code.
ALTER TABLE purchases ADD COLUMN category TEXT;
-- Every social consideration of the line, space-separated codes (reserved, clause,
-- criterion, none); `social_consideration` keeps the strongest one.
ALTER TABLE purchases ADD COLUMN social_considerations TEXT NOT NULL DEFAULT '';
-- DECP's considerationsEnvironnementales, space-separated codes (clause, criterion, none).
ALTER TABLE purchases ADD COLUMN environmental_considerations TEXT NOT NULL DEFAULT '';
-- `insertion_hours` are the hours a clause asks for; these, the hours done.
ALTER TABLE purchases ADD COLUMN insertion_hours_done BIGINT;
-- Where the contract is carried out: commune (INSEE code), postcode or departement.
ALTER TABLE purchases ADD COLUMN execution_place_kind TEXT;
ALTER TABLE purchases ADD COLUMN execution_place_code TEXT;
-- DECP: the contract's id (with the buyer's SIRET), subject, procedure, duration and
-- notification day (AAAA-MM-JJ).
ALTER TABLE purchases ADD COLUMN external_id TEXT;
ALTER TABLE purchases ADD COLUMN object TEXT;
ALTER TABLE purchases ADD COLUMN procedure TEXT;
ALTER TABLE purchases ADD COLUMN duration_months BIGINT;
ALTER TABLE purchases ADD COLUMN notified_on TEXT;

-- The purchases recorded before this change.
UPDATE purchases SET
    purchased_year = CAST(SUBSTR(purchased_on, 1, 4) AS BIGINT),
    social_considerations = social_consideration,
    match_kind = CASE WHEN structure_id IS NULL THEN NULL ELSE 'ecossol' END,
    buyer_kind = (SELECT o.buyer_kind FROM organisations o WHERE o.id = purchases.buyer_organisation_id);

-- The watch's queries: by period, by buyer, by structure, by import, the unmatched ones.
CREATE INDEX purchases_day ON purchases (purchased_on);
CREATE INDEX purchases_year ON purchases (purchased_year, source);
CREATE INDEX purchases_buyer_siret ON purchases (buyer_siret, purchased_year);
CREATE INDEX purchases_structure ON purchases (structure_id, purchased_year);
CREATE INDEX purchases_import ON purchases (import_id, line_number);
CREATE INDEX purchases_unmatched ON purchases (supplier_siret, supplier_siren, supplier_key)
    WHERE structure_id IS NULL;
CREATE INDEX purchases_external ON purchases (buyer_siret, external_id)
    WHERE external_id IS NOT NULL;
