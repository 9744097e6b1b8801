-- Group purchases (« achats groupés interentreprises »): a lead buyer pools one of its needs;
-- other verified buyers join it until a day, each with its quantities, sites and budget share;
-- the lead runs the consultation once for the total and the award is split into one purchase
-- per member.

-- A pooled need: until when others may join, and whether any verified buyer may (or only
-- those invited).
CREATE TABLE need_pools (
    need_id      TEXT PRIMARY KEY REFERENCES needs (id) ON DELETE CASCADE,
    -- AAAA-MM-JJ (Paris), the last day to join.
    join_until   TEXT NOT NULL,
    open_to_all  BIGINT NOT NULL DEFAULT 0,
    created_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- The buyers of a pooled need, the lead (the need's organisation) among them.
CREATE TABLE need_members (
    need_id              TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    organisation_id      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state                TEXT NOT NULL CHECK (state IN ('invited', 'joined', 'left', 'declined')),
    -- Quantities per lot, JSON list of numbers in the lots' order.
    quantities           TEXT NOT NULL DEFAULT '[]',
    -- Where to deliver or perform, as typed.
    sites                TEXT NOT NULL DEFAULT '',
    budget_share_cents   BIGINT,
    invited_by           TEXT REFERENCES users (id) ON DELETE SET NULL,
    invited_at           BIGINT,
    joined_at            BIGINT,
    left_at              BIGINT,
    updated_at           BIGINT NOT NULL,
    PRIMARY KEY (need_id, organisation_id)
);
CREATE INDEX need_members_organisation ON need_members (organisation_id, state);

-- A pooled need's purchase is one line per member: the uniqueness moves to the buyer too.
DROP INDEX purchases_need_structure;
CREATE UNIQUE INDEX purchases_need_structure_buyer
    ON purchases (need_id, structure_id, buyer_organisation_id) WHERE need_id IS NOT NULL;
