-- Buyers the pôle vouches for: the buying entity's SIRET and category, and the pôle's
-- decision. Until an animator verifies it, a buyer organisation may only draft.

-- The SIRET of the buying entity (14 digits, Luhn-checked by the application).
ALTER TABLE organisations ADD COLUMN siret TEXT;
-- Public buyers: collectivite, etablissement_public, etat, autre_public;
-- private buyers: size band tpe, pme, eti, grande_entreprise.
ALTER TABLE organisations ADD COLUMN buyer_category TEXT;
-- none (never asked), requested, verified, refused.
ALTER TABLE organisations ADD COLUMN verification TEXT NOT NULL DEFAULT 'none'
    CHECK (verification IN ('none', 'requested', 'verified', 'refused'));
ALTER TABLE organisations ADD COLUMN verification_reason TEXT;
ALTER TABLE organisations ADD COLUMN verification_requested_at BIGINT;
ALTER TABLE organisations ADD COLUMN verification_requested_by TEXT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE organisations ADD COLUMN verification_decided_at BIGINT;
ALTER TABLE organisations ADD COLUMN verification_decided_by TEXT REFERENCES users (id) ON DELETE SET NULL;

CREATE INDEX organisations_verification ON organisations (verification, verification_requested_at);

-- A row here says that `server seed-demo` filled this database: only then does it make the
-- demo accounts (with a known password). Real data never has a row.
CREATE TABLE demo_data (
    key         TEXT PRIMARY KEY,
    created_at  BIGINT NOT NULL
);
