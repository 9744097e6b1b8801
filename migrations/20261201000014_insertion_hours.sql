-- Insertion hours declared done on a contract with a social clause: the supplier's people,
-- or the pôle's animators as the clause's facilitator, declare a running figure per ledger
-- line (`purchases.insertion_hours_done`, which a buyer's file may also give). Each
-- declaration is kept, with the day the hours were counted to, so that the figure's course
-- and who gave it stay readable after later corrections.
ALTER TABLE purchases ADD COLUMN insertion_hours_counted_on TEXT;
ALTER TABLE purchases ADD COLUMN insertion_hours_declared_at BIGINT;

CREATE TABLE insertion_hour_declarations (
    id           TEXT PRIMARY KEY,
    purchase_id  TEXT NOT NULL REFERENCES purchases (id) ON DELETE CASCADE,
    hours_done   BIGINT NOT NULL CHECK (hours_done >= 0),
    -- AAAA-MM-JJ: the day the hours were counted to.
    counted_on   TEXT NOT NULL,
    declared_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    -- supplier (its structure's people) or facilitator (the pôle).
    declared_as  TEXT NOT NULL CHECK (declared_as IN ('supplier', 'facilitator')),
    created_at   BIGINT NOT NULL
);
CREATE INDEX insertion_hour_declarations_purchase
    ON insertion_hour_declarations (purchase_id, created_at);

-- The contracts with a clause, newest first, for the facilitator's page.
CREATE INDEX purchases_clause ON purchases (purchased_on)
    WHERE social_considerations LIKE '%clause%' OR insertion_hours > 0;
