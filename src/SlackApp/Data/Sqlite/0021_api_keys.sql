-- The admin API's keys: made and revoked by a workspace's admins in the Home tab, shown once. Only a SHA-256 of the
-- key is kept (key_hash, looked up on every API request); key_prefix is its first characters, not secret, so people
-- can tell keys apart. last_used_at is written at most once a minute per key.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id      TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL,
    key_prefix   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT    NULL,
    revoked_at   TEXT    NULL,
    revoked_by   TEXT    NULL
);

CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_team ON api_keys (team_id, id);

-- A change made through the admin API names the key it was made with (the actor is the key's creator).
ALTER TABLE audit_log ADD COLUMN actor_api_key TEXT NULL;
