-- The Haute Qualité Solidaire label: the pôle's label profile (versioned), label files and
-- the numbers given to granted labels.

-- A published version of the label profile: criteria and thresholds (JSON, as a buyer's
-- profile holds them), built on one version of the référentiel. Never changed once published.
CREATE TABLE hqs_label_profiles (
    version              BIGINT PRIMARY KEY,
    referential_version  BIGINT NOT NULL REFERENCES hqs_referentials (version),
    requirements         TEXT NOT NULL,
    note                 TEXT NOT NULL,
    published_by         TEXT REFERENCES users (id) ON DELETE SET NULL,
    published_at         BIGINT NOT NULL
);

-- A check serves a buyer ('buyer') or is the file of a label application ('label').
ALTER TABLE hqs_checks ADD COLUMN purpose TEXT NOT NULL DEFAULT 'buyer';

-- A label number, given at a structure's first grant and kept by its renewals.
CREATE TABLE hqs_label_numbers (
    number        TEXT PRIMARY KEY,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL
);

-- A label file: an application, its review by two animators, and the label it becomes. The
-- evidence, its review and the evaluation live in the file's check (`check_id`).
CREATE TABLE hqs_labels (
    id              TEXT PRIMARY KEY,
    structure_id    TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    check_id        TEXT NOT NULL REFERENCES hqs_checks (id) ON DELETE CASCADE,
    label_version   BIGINT NOT NULL REFERENCES hqs_label_profiles (version),
    state           TEXT NOT NULL CHECK (state IN ('applying', 'submitted', 'prepared',
                        'granted', 'refused', 'suspended', 'withdrawn', 'lapsed', 'renewed')),
    number          TEXT REFERENCES hqs_label_numbers (number),
    level           TEXT CHECK (level IN ('bronze', 'argent', 'or')),
    score           BIGINT,
    valid_from      TEXT,
    valid_until     TEXT,
    preparer_id     TEXT REFERENCES users (id) ON DELETE SET NULL,
    recommendation  TEXT CHECK (recommendation IN ('grant', 'refuse')),
    -- The file's check as it was prepared (its time of change): a decision on a file that
    -- changed since is refused.
    prepared_file   BIGINT,
    decider_id      TEXT REFERENCES users (id) ON DELETE SET NULL,
    reason          TEXT,
    response        TEXT,
    reminders       TEXT NOT NULL DEFAULT '',
    renewal_of      TEXT REFERENCES hqs_labels (id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX hqs_labels_structure ON hqs_labels (structure_id, created_at);
CREATE INDEX hqs_labels_state ON hqs_labels (state, valid_until);
CREATE INDEX hqs_labels_number ON hqs_labels (number);
-- At most one file in progress per structure, even when two applications arrive at once.
CREATE UNIQUE INDEX hqs_labels_open ON hqs_labels (structure_id)
    WHERE state IN ('applying', 'submitted', 'prepared');
