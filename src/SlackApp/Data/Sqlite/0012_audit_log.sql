-- The audit log: every change of a workspace's configuration, who made it and when, with before/after per changed
-- field (changes_json). Written in the same transaction as the change; never holds a secret.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id       TEXT    NOT NULL,
    at            TEXT    NOT NULL,
    actor_user_id TEXT    NULL,
    action        TEXT    NOT NULL,
    subject_kind  TEXT    NOT NULL,
    subject_id    TEXT    NULL,
    subject_name  TEXT    NULL,
    changes_json  TEXT    NOT NULL
);

-- A workspace's latest entries first (the Home tab, /usergems audit's pages).
CREATE INDEX ix_audit_log_team_at ON audit_log (team_id, at DESC, id DESC);
