-- Hardening (issue 17): sessions end when left idle, sent mails lose their single-use links,
-- and the files an organisation keeps stay within a quota.

-- A session's last request, written at most every few minutes; a session idle for two hours
-- ends. Sessions open before this migration count from their sign-in.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;
