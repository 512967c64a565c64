-- The admin API's keys: made and revoked by a workspace's admins in the Home tab, shown once. Only a SHA-256 of the
-- key is kept (key_hash, looked up on every API request); key_prefix is its first characters, not secret, so people
-- can tell keys apart. last_used_at is written at most once a minute per key.
CREATE TABLE api_keys (
    id           BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    team_id      NVARCHAR(32)  NOT NULL,
    name         NVARCHAR(100) NOT NULL,
    key_hash     NVARCHAR(64)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    key_prefix   NVARCHAR(16)  NOT NULL,
    created_by   NVARCHAR(32)  NOT NULL,
    created_at   DATETIME2     NOT NULL,
    last_used_at DATETIME2     NULL,
    revoked_at   DATETIME2     NULL,
    revoked_by   NVARCHAR(32)  NULL
);

CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_team ON api_keys (team_id, id);

-- A change made through the admin API names the key it was made with (the actor is the key's creator).
ALTER TABLE audit_log ADD actor_api_key NVARCHAR(100) NULL;
