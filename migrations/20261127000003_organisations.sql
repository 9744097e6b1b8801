-- Organisations people act for, their members, invitations and requests to join.

CREATE TABLE organisations (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    -- The name lower-cased by the application (SQLite's LOWER only folds ASCII), for search.
    name_key      TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('supplier', 'buyer', 'pole')),
    -- Buyers only: public or private, and what kind of body (collectivité, PME…).
    buyer_kind    TEXT CHECK (buyer_kind IN ('public', 'private')),
    buyer_detail  TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    CHECK ((kind = 'buyer' AND buyer_kind IS NOT NULL) OR (kind <> 'buyer' AND buyer_kind IS NULL))
);

CREATE TABLE memberships (
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role             TEXT NOT NULL
                     CHECK (role IN ('owner', 'member', 'procurement_officer', 'animator', 'observer')),
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user_id ON memberships (user_id);

CREATE TABLE invitations (
    token_hash       TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email            TEXT NOT NULL,
    role             TEXT NOT NULL,
    invited_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    accepted_at      BIGINT
);
CREATE INDEX invitations_organisation_id ON invitations (organisation_id);

CREATE TABLE join_requests (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
    decided_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at       BIGINT,
    created_at       BIGINT NOT NULL
);
CREATE INDEX join_requests_organisation_id ON join_requests (organisation_id, status);
-- At most one pending request per person and organisation.
CREATE UNIQUE INDEX join_requests_one_pending ON join_requests (organisation_id, user_id)
    WHERE status = 'pending';
