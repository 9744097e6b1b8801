-- Scheduled watch reports. A member of the pôle subscribes to the report of each month or
-- each quarter; `since` is the day (AAAA-MM-JJ, Paris) the current choice was made, so a
-- report whose sending day came before it is not sent.
CREATE TABLE watch_report_subscriptions (
    user_id     TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    frequency   TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly')),
    since       TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- One row per report sent: the key of its period (2026-11, 2026-T4). The row is inserted in
-- the transaction that queues the mail, so that a report is sent once across restarts and
-- across several servers.
CREATE TABLE watch_report_sends (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    period    TEXT NOT NULL,
    sent_at   BIGINT NOT NULL,
    PRIMARY KEY (user_id, period)
);
