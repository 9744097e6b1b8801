-- The directory: supplier structures' profiles, activities, state history; offers' details;
-- offers flagged for moderation. Portable SQL (SQLite and PostgreSQL).

ALTER TABLE structures ADD COLUMN organisation_id TEXT REFERENCES organisations (id) ON DELETE SET NULL;
ALTER TABLE structures ADD COLUMN brand TEXT;
ALTER TABLE structures ADD COLUMN siret TEXT;
ALTER TABLE structures ADD COLUMN rna TEXT;
ALTER TABLE structures ADD COLUMN naf TEXT;
ALTER TABLE structures ADD COLUMN legal_form TEXT;
-- Kind codes (ACI, ESAT…) separated by spaces, with a space at each end: ' ACI ASSO '.
ALTER TABLE structures ADD COLUMN kinds TEXT NOT NULL DEFAULT ' ';
ALTER TABLE structures ADD COLUMN esus_agreed_on TEXT;
ALTER TABLE structures ADD COLUMN networks TEXT;
ALTER TABLE structures ADD COLUMN year_founded BIGINT;
ALTER TABLE structures ADD COLUMN description TEXT;
ALTER TABLE structures ADD COLUMN contact_name TEXT;
ALTER TABLE structures ADD COLUMN contact_email TEXT;
ALTER TABLE structures ADD COLUMN contact_phone TEXT;
ALTER TABLE structures ADD COLUMN website TEXT;
ALTER TABLE structures ADD COLUMN address TEXT;
ALTER TABLE structures ADD COLUMN commune_insee TEXT;
ALTER TABLE structures ADD COLUMN commune_name TEXT;
ALTER TABLE structures ADD COLUMN postcode TEXT;
ALTER TABLE structures ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE structures ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE structures ADD COLUMN permanent_staff BIGINT;
ALTER TABLE structures ADD COLUMN insertion_staff BIGINT;
ALTER TABLE structures ADD COLUMN disabled_share DOUBLE PRECISION;
ALTER TABLE structures ADD COLUMN turnover_band TEXT;
ALTER TABLE structures ADD COLUMN client_references TEXT;
ALTER TABLE structures ADD COLUMN facts_updated_at BIGINT;
ALTER TABLE structures ADD COLUMN submitted_at BIGINT;

-- An organisation has one profile in the directory.
CREATE UNIQUE INDEX structures_organisation_id ON structures (organisation_id)
    WHERE organisation_id IS NOT NULL;
CREATE INDEX structures_status ON structures (status, submitted_at);
CREATE INDEX structures_siret ON structures (siret);

CREATE TABLE structure_activities (
    id              TEXT PRIMARY KEY,
    structure_id    TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    sector          TEXT NOT NULL,
    service_kind    TEXT NOT NULL CHECK (service_kind IN ('goods', 'service', 'staff_provision')),
    reach           TEXT NOT NULL CHECK (reach IN ('metropole', 'communes', 'radius', 'departement', 'france')),
    reach_km        BIGINT,
    -- INSEE codes separated by spaces, for reach = 'communes'.
    reach_communes  TEXT NOT NULL DEFAULT '',
    created_at      BIGINT NOT NULL
);
CREATE INDEX structure_activities_structure_id ON structure_activities (structure_id);

-- Every change of a structure's state: who, when, why.
CREATE TABLE structure_events (
    id            TEXT PRIMARY KEY,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    step          TEXT NOT NULL,
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    actor_id      TEXT REFERENCES users (id) ON DELETE SET NULL,
    -- The actor's name at the time, kept if their account is deleted.
    actor_name    TEXT,
    reason        TEXT,
    at            BIGINT NOT NULL
);
CREATE INDEX structure_events_structure_id ON structure_events (structure_id, at);

ALTER TABLE offers ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN sector TEXT NOT NULL DEFAULT '';
-- CPV codes separated by spaces.
ALTER TABLE offers ADD COLUMN cpv TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN service_kind TEXT NOT NULL DEFAULT 'service';
ALTER TABLE offers ADD COLUMN unit TEXT;
ALTER TABLE offers ADD COLUMN price_cents BIGINT;
ALTER TABLE offers ADD COLUMN on_quote BIGINT NOT NULL DEFAULT 0;
ALTER TABLE offers ADD COLUMN min_quantity BIGINT;
ALTER TABLE offers ADD COLUMN max_quantity BIGINT;
ALTER TABLE offers ADD COLUMN lead_time TEXT;
-- NULL: the structure's reach.
ALTER TABLE offers ADD COLUMN reach TEXT;
ALTER TABLE offers ADD COLUMN reach_km BIGINT;
ALTER TABLE offers ADD COLUMN reach_communes TEXT NOT NULL DEFAULT '';

CREATE INDEX offers_status ON offers (status);

-- Offers someone reported to the pôle; an animator dismisses the report or archives the offer.
CREATE TABLE offer_flags (
    id           TEXT PRIMARY KEY,
    offer_id     TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    reporter_id  TEXT REFERENCES users (id) ON DELETE SET NULL,
    reason       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    resolved_at  BIGINT,
    resolved_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    resolution   TEXT
);
CREATE INDEX offer_flags_open ON offer_flags (resolved_at, created_at);

-- Labels and certifications a structure holds.
CREATE TABLE structure_labels (
    id            TEXT PRIMARY KEY,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    -- A known label's code (fairtrade, rge, b-corp…) or 'other'.
    label_code    TEXT NOT NULL,
    name          TEXT NOT NULL,
    issuer        TEXT,
    number        TEXT,
    valid_from    TEXT,
    valid_until   TEXT,
    created_at    BIGINT NOT NULL
);
CREATE INDEX structure_labels_structure_id ON structure_labels (structure_id);

-- Files of a structure: logo, offer photos, evidence documents. Kept in the database so that
-- every app server sees them (they are small: 2 MB images, 5 MB evidence).
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    offer_id      TEXT REFERENCES offers (id) ON DELETE CASCADE,
    label_id      TEXT REFERENCES structure_labels (id) ON DELETE CASCADE,
    purpose       TEXT NOT NULL CHECK (purpose IN ('logo', 'photo', 'esus_evidence', 'label_evidence')),
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    -- BYTEA: PostgreSQL's type; SQLite stores the blob as given.
    content       BYTEA NOT NULL,
    uploaded_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX documents_structure_id ON documents (structure_id, purpose);
