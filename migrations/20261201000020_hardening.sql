-- Hardening (issue 17): sessions end when left idle, sent mails lose their single-use links,
-- and the files an organisation keeps stay within a quota.

-- A session's last request, written at most every few minutes; a session idle for two hours
-- ends. Sessions open before this migration count from their sign-in.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;

-- When a sent mail's links (`jeton=…`) were struck out of its body; NULL: not yet.
ALTER TABLE email_outbox ADD COLUMN redacted_at BIGINT;
CREATE INDEX email_outbox_unredacted ON email_outbox (sent_at) WHERE redacted_at IS NULL;

-- One row per organisation that stores files: an upload takes it in its transaction before
-- adding up what the organisation keeps, so that two uploads at once, on any servers, cannot
-- both fit under the quota.
CREATE TABLE storage_locks (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    locked_at       BIGINT NOT NULL
);
-- The quota adds up a structure's quote files.
CREATE INDEX need_files_structure ON need_files (structure_id);
