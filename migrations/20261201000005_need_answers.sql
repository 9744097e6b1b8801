-- Suppliers' answers to needs: where each matched structure stands, the single-use links
-- mailed to them, their quotes, the buyer's awards and the purchases that follow.

-- Each step of a matched structure, as the instant it happened (NULL: not yet).
ALTER TABLE need_matches ADD COLUMN notified_at BIGINT;
ALTER TABLE need_matches ADD COLUMN opened_at BIGINT;
ALTER TABLE need_matches ADD COLUMN viewed_at BIGINT;
ALTER TABLE need_matches ADD COLUMN interested_at BIGINT;
ALTER TABLE need_matches ADD COLUMN declined_at BIGINT;
ALTER TABLE need_matches ADD COLUMN decline_reason TEXT;
ALTER TABLE need_matches ADD COLUMN shortlisted_at BIGINT;
ALTER TABLE need_matches ADD COLUMN awarded_at BIGINT;
ALTER TABLE need_matches ADD COLUMN not_retained_at BIGINT;
ALTER TABLE need_matches ADD COLUMN reminded_at BIGINT;
CREATE INDEX need_matches_notified ON need_matches (need_id, notified_at, rank);

-- The links mailed to a matched structure to say « intéressé » or « pas intéressé » without
-- signing in: only the token's hash is kept; a link serves once, until the deadline.
CREATE TABLE need_links (
    token_hash    TEXT PRIMARY KEY,
    need_id       TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    used_at       BIGINT
);
CREATE INDEX need_links_need ON need_links (need_id, structure_id);

-- A structure's quote for a need: one per structure, editable until the deadline.
CREATE TABLE quotes (
    id            TEXT PRIMARY KEY,
    need_id       TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    -- Prices excluding tax per lot, JSON: [{"lot": 1, "cents": 1200000}].
    prices        TEXT NOT NULL,
    total_cents   BIGINT NOT NULL,
    lead_time     TEXT NOT NULL,
    message       TEXT NOT NULL DEFAULT '',
    -- Answers to the need's questions, JSON list of strings in the questions' order.
    answers       TEXT NOT NULL DEFAULT '[]',
    submitted_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    UNIQUE (need_id, structure_id)
);

-- The buyer's award of each lot, with its reason.
CREATE TABLE need_awards (
    need_id       TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    lot_number    BIGINT NOT NULL,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    reason        TEXT NOT NULL,
    decided_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at    BIGINT NOT NULL,
    PRIMARY KEY (need_id, lot_number)
);

-- Purchases: what was actually bought, read by the watch's reports. An award becomes a
-- purchase once the buyer confirms it took place, with the amount.
CREATE TABLE purchases (
    id                     TEXT PRIMARY KEY,
    -- ecossol (an award confirmed here); imports come with the watch.
    source                 TEXT NOT NULL,
    need_id                TEXT REFERENCES needs (id) ON DELETE SET NULL,
    buyer_organisation_id  TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    buyer_name             TEXT NOT NULL,
    structure_id           TEXT REFERENCES structures (id) ON DELETE SET NULL,
    supplier_name          TEXT NOT NULL,
    supplier_siret         TEXT,
    amount_cents           BIGINT NOT NULL,
    -- AAAA-MM-JJ (Paris).
    purchased_on           TEXT NOT NULL,
    cpv                    TEXT,
    -- reserved, clause, criterion, none.
    social_consideration   TEXT NOT NULL
                           CHECK (social_consideration IN ('reserved', 'clause', 'criterion', 'none')),
    insertion_hours        BIGINT,
    confirmed_by           TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at             BIGINT NOT NULL
);
CREATE INDEX purchases_buyer ON purchases (buyer_organisation_id, purchased_on);
-- One purchase per need and supplier confirmed here.
CREATE UNIQUE INDEX purchases_need_structure ON purchases (need_id, structure_id)
    WHERE need_id IS NOT NULL;
