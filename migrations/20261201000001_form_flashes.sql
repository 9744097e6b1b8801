-- What a plain form post (no JavaScript) that came back with errors left for the page it
-- redirects to: the fields' errors, the refusal and the values typed, read once. The browser
-- holds only a random token in a short-lived cookie; the table keeps its SHA-256.
CREATE TABLE form_flashes (
    token_hash  TEXT PRIMARY KEY,
    payload     TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX form_flashes_created ON form_flashes (created_at);
