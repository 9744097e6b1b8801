-- Haute Qualité Solidaire: référentiel versions, buyers' requirement profiles, compliance
-- checks with their evidence, and the tamper-evident audit log.

-- Facts the référentiel reads that the directory did not hold yet.
ALTER TABLE structures ADD COLUMN detainee_share DOUBLE PRECISION;
ALTER TABLE structures ADD COLUMN insertion_hours_capacity BIGINT;

-- A published version of the référentiel: the criteria it offers and their default
-- thresholds (JSON). Versions are never changed once published.
CREATE TABLE hqs_referentials (
    version       BIGINT PRIMARY KEY,
    content       TEXT NOT NULL,
    note          TEXT NOT NULL,
    published_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    published_at  BIGINT NOT NULL
);

-- A buyer organisation's requirement profile (criteria, thresholds, scope as JSON), built on
-- one version of the référentiel; private to the organisation unless shared.
CREATE TABLE hqs_profiles (
    id                   TEXT PRIMARY KEY,
    organisation_id      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name                 TEXT NOT NULL,
    description          TEXT NOT NULL DEFAULT '',
    shared               BIGINT NOT NULL DEFAULT 0,
    referential_version  BIGINT NOT NULL REFERENCES hqs_referentials (version),
    requirements         TEXT NOT NULL,
    template             TEXT,
    archived_at          BIGINT,
    created_by           TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX hqs_profiles_organisation_id ON hqs_profiles (organisation_id, archived_at);

-- A check: a profile (as it was when the check opened) × a supplier (× an offer).
CREATE TABLE hqs_checks (
    id                     TEXT PRIMARY KEY,
    buyer_organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    profile_id             TEXT REFERENCES hqs_profiles (id) ON DELETE SET NULL,
    profile_name           TEXT NOT NULL,
    referential_version    BIGINT NOT NULL REFERENCES hqs_referentials (version),
    requirements           TEXT NOT NULL,
    structure_id           TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    offer_id               TEXT REFERENCES offers (id) ON DELETE SET NULL,
    state                  TEXT NOT NULL
        CHECK (state IN ('draft', 'awaiting_evidence', 'under_review', 'decided')),
    evaluation             TEXT NOT NULL,
    decision               TEXT CHECK (decision IN ('compliant', 'non_compliant')),
    decision_comment       TEXT,
    opened_by              TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_by             TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at             BIGINT,
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL
);
CREATE INDEX hqs_checks_buyer ON hqs_checks (buyer_organisation_id, updated_at);
CREATE INDEX hqs_checks_structure ON hqs_checks (structure_id, updated_at);

-- A piece of evidence a supplier sent for a check, with its content's SHA-256 and the
-- officer's review.
CREATE TABLE hqs_evidence (
    id            TEXT PRIMARY KEY,
    check_id      TEXT NOT NULL REFERENCES hqs_checks (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    sha256        TEXT NOT NULL,
    content       BYTEA NOT NULL,
    valid_until   TEXT,
    review        TEXT NOT NULL DEFAULT 'pending'
        CHECK (review IN ('pending', 'accepted', 'rejected')),
    review_reason TEXT,
    reviewed_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at   BIGINT,
    uploaded_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX hqs_evidence_check_id ON hqs_evidence (check_id, created_at);

-- The audit log: append-only, each entry's hash covers the previous entry's hash, so that
-- any change, insertion or deletion breaks the chain (`server audit verify`). Actors are
-- kept as ids without foreign keys: the log outlives accounts.
CREATE TABLE audit_log (
    seq            BIGINT PRIMARY KEY,
    at             BIGINT NOT NULL,
    actor_id       TEXT,
    subject_type   TEXT NOT NULL,
    subject_id     TEXT NOT NULL,
    action         TEXT NOT NULL,
    details        TEXT NOT NULL,
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, seq);

-- The chain's head: one row, updated in the transaction of each append (which serialises
-- appends on PostgreSQL through the row lock; SQLite has one writer anyway).
CREATE TABLE audit_head (
    id    BIGINT PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
