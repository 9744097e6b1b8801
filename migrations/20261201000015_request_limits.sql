-- Work and mail that anyone may ask for without signing in (sign-up, password reset) and
-- mails sent for others (invitations) are counted here, per action and per subject (an
-- address, a client IP, a sender), so that the limits hold across several servers.
CREATE TABLE request_counts (
    id       TEXT PRIMARY KEY,
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX request_counts_subject ON request_counts (action, subject, at);
CREATE INDEX request_counts_at ON request_counts (at);
