-- Buyers' needs (« dépôts de besoin ») and the structures matched to them.

CREATE TABLE needs (
    id                  TEXT PRIMARY KEY,
    organisation_id     TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_by          TEXT REFERENCES users (id) ON DELETE SET NULL,
    state               TEXT NOT NULL DEFAULT 'draft'
                        CHECK (state IN ('draft', 'submitted', 'returned', 'published', 'awarded',
                                         'refused', 'lapsed', 'cancelled')),
    -- quote, tender, sourcing; a draft may not have chosen yet.
    kind                TEXT CHECK (kind IN ('quote', 'tender', 'sourcing')),
    title               TEXT NOT NULL,
    description         TEXT,
    notice_url          TEXT,
    -- CPV codes separated by spaces.
    cpv                 TEXT NOT NULL DEFAULT '',
    sector              TEXT,
    service_kind        TEXT CHECK (service_kind IN ('goods', 'service', 'staff_provision')),
    -- The lots as JSON: [{"number": 1, "title": …, "quantity": …, "unit": …}].
    lots                TEXT NOT NULL DEFAULT '[]',
    -- INSEE code of the commune of execution.
    place_insee         TEXT,
    radius_km           BIGINT,
    -- Days as AAAA-MM-JJ (Paris).
    start_on            TEXT,
    deadline_on         TEXT,
    budget_kind         TEXT CHECK (budget_kind IN ('exact', 'range', 'withheld')),
    budget_min_cents    BIGINT,
    budget_max_cents    BIGINT,
    budget_reason       TEXT,
    -- Kind codes and family codes wanted, separated by spaces; empty: all.
    structure_kinds     TEXT NOT NULL DEFAULT '',
    families            TEXT NOT NULL DEFAULT '',
    profile_id          TEXT REFERENCES hqs_profiles (id) ON DELETE SET NULL,
    -- The questions as a JSON list of strings.
    questions           TEXT NOT NULL DEFAULT '[]',
    anonymous           BIGINT NOT NULL DEFAULT 0,
    moderation_message  TEXT,
    submitted_at        BIGINT,
    returned_at         BIGINT,
    published_at        BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);
CREATE INDEX needs_organisation_id ON needs (organisation_id, updated_at);
CREATE INDEX needs_state ON needs (state, deadline_on);

-- The structures a validated need reaches, why, and where each stands.
CREATE TABLE need_matches (
    need_id        TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    structure_id   TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    -- Order of notification: best-completed and labelled profiles first.
    rank           BIGINT NOT NULL,
    -- The reasons as a JSON list of strings.
    reasons        TEXT NOT NULL,
    distance_km    DOUBLE PRECISION,
    matched_at     BIGINT NOT NULL,
    PRIMARY KEY (need_id, structure_id)
);
CREATE INDEX need_matches_structure_id ON need_matches (structure_id);
