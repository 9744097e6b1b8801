-- The mails around a need's consultation, each sent once, and the retained structures' word
-- that the purchase took place.

-- A step of a need that mails someone once: `interested_1`, `interested_2`, `interested_5`
-- (the buyer told of its 1st, 2nd, 5th interested structure), `follow_up` (both sides asked
-- « l'achat a-t-il eu lieu ? »). The key claims it: servers sending side by side send once.
CREATE TABLE need_milestones (
    need_id     TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    milestone   TEXT NOT NULL,
    reached_at  BIGINT NOT NULL,
    PRIMARY KEY (need_id, milestone)
);

-- A retained structure declares the purchase took place, with its amount and day; the buyer
-- sees it beside its confirmation, which alone records the purchase (`purchases`).
CREATE TABLE purchase_declarations (
    need_id       TEXT NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    structure_id  TEXT NOT NULL REFERENCES structures (id) ON DELETE CASCADE,
    amount_cents  BIGINT NOT NULL,
    -- AAAA-MM-JJ (Paris).
    purchased_on  TEXT NOT NULL,
    declared_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    declared_at   BIGINT NOT NULL,
    PRIMARY KEY (need_id, structure_id)
);
