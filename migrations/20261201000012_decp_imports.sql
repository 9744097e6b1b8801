-- DECP open data imported into the purchase ledger: what each DECP file brought. Its lines
-- are in `purchases` (source 'decp'); these counts say what was read and left aside, which
-- the lines alone cannot tell.
ALTER TABLE purchase_imports ADD COLUMN decp_read BIGINT NOT NULL DEFAULT 0;
-- Contracts kept that were already in the ledger (the same `id` and buyer): updated.
ALTER TABLE purchase_imports ADD COLUMN decp_updated BIGINT NOT NULL DEFAULT 0;
-- Contracts left aside: neither a listed buyer nor carried out in the Métropole.
ALTER TABLE purchase_imports ADD COLUMN decp_outside BIGINT NOT NULL DEFAULT 0;
-- Concession contracts left aside (not purchases: see services::watch::decp).
ALTER TABLE purchase_imports ADD COLUMN decp_concessions BIGINT NOT NULL DEFAULT 0;
