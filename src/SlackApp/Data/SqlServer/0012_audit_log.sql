-- The audit log: every change of a workspace's configuration, who made it and when, with before/after per changed
-- field (changes_json). Written in the same transaction as the change; never holds a secret.
CREATE TABLE audit_log (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    team_id       NVARCHAR(32)  NOT NULL,
    at            DATETIME2     NOT NULL,
    actor_user_id NVARCHAR(32)  NULL,
    action        NVARCHAR(64)  NOT NULL,
    subject_kind  NVARCHAR(32)  NOT NULL,
    subject_id    NVARCHAR(64)  NULL,
    subject_name  NVARCHAR(200) NULL,
    changes_json  NVARCHAR(MAX) NOT NULL
);

-- A workspace's latest entries first (the Home tab, /usergems audit's pages).
CREATE INDEX ix_audit_log_team_at ON audit_log (team_id, at DESC, id DESC);
