-- One row per workspace the app is installed in (or an Enterprise Grid org for an org-wide install:
-- then team_id is ''). Tokens are encrypted with ASP.NET Core Data Protection before they get here.
CREATE TABLE installations (
    enterprise_id                TEXT    NOT NULL DEFAULT '',
    team_id                      TEXT    NOT NULL DEFAULT '',
    enterprise_name              TEXT    NULL,
    team_name                    TEXT    NULL,
    is_enterprise_install        INTEGER NOT NULL DEFAULT 0,
    app_id                       TEXT    NULL,
    bot_user_id                  TEXT    NOT NULL,
    bot_id                       TEXT    NULL,
    bot_token_protected          TEXT    NULL,
    bot_refresh_token_protected  TEXT    NULL,
    bot_token_expires_at         TEXT    NULL,
    bot_scopes                   TEXT    NOT NULL DEFAULT '',
    installer_user_id            TEXT    NULL,
    installed_at                 TEXT    NOT NULL,
    updated_at                   TEXT    NOT NULL,
    uninstalled_at               TEXT    NULL,
    PRIMARY KEY (enterprise_id, team_id)
);

CREATE INDEX ix_installations_team ON installations (team_id);

-- Per-workspace settings, changed from the App Home tab.
CREATE TABLE workspace_settings (
    team_id                  TEXT NOT NULL PRIMARY KEY,
    salesforce_base_url      TEXT NULL,
    fallback_channel_id      TEXT NULL,
    signal_secret_protected  TEXT NULL,
    signal_secret_rotated_at TEXT NULL,
    updated_at               TEXT NOT NULL,
    updated_by               TEXT NULL
);

-- People (besides admins and the installer) who may change workflows and settings.
CREATE TABLE workflow_managers (
    team_id  TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- OAuth `state` values handed out by /slack/install: each valid once, until it expires.
CREATE TABLE oauth_states (
    state      TEXT NOT NULL PRIMARY KEY,
    expires_at TEXT NOT NULL
);
