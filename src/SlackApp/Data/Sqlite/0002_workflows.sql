-- Workflows: who hears about which signals. Lists (types, filters, recipients) are JSON text so both
-- dialects store them the same way; they are only ever read whole with their workflow.
CREATE TABLE workflows (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id             TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    name_key            TEXT    NOT NULL,
    enabled             INTEGER NOT NULL DEFAULT 1,
    signal_types        TEXT    NOT NULL,
    filters_json        TEXT    NOT NULL,
    recipients_json     TEXT    NOT NULL,
    fallback_channel_id TEXT    NULL,
    created_by          TEXT    NULL,
    created_at          TEXT    NOT NULL,
    updated_by          TEXT    NULL,
    updated_at          TEXT    NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);

-- Names are unique in a workspace, ignoring case.
CREATE UNIQUE INDEX ux_workflows_team_name ON workflows (team_id, name_key);
