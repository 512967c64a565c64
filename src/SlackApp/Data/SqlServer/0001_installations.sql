-- One row per workspace the app is installed in (or an Enterprise Grid org for an org-wide install:
-- then team_id is ''). Tokens are encrypted with ASP.NET Core Data Protection before they get here.
CREATE TABLE installations (
    enterprise_id                NVARCHAR(32)   NOT NULL CONSTRAINT df_installations_enterprise DEFAULT '',
    team_id                      NVARCHAR(32)   NOT NULL CONSTRAINT df_installations_team DEFAULT '',
    enterprise_name              NVARCHAR(256)  NULL,
    team_name                    NVARCHAR(256)  NULL,
    is_enterprise_install        BIT            NOT NULL CONSTRAINT df_installations_is_enterprise DEFAULT 0,
    app_id                       NVARCHAR(32)   NULL,
    bot_user_id                  NVARCHAR(32)   NOT NULL,
    bot_id                       NVARCHAR(32)   NULL,
    bot_token_protected          NVARCHAR(MAX)  NULL,
    bot_refresh_token_protected  NVARCHAR(MAX)  NULL,
    bot_token_expires_at         DATETIME2      NULL,
    bot_scopes                   NVARCHAR(2000) NOT NULL CONSTRAINT df_installations_scopes DEFAULT '',
    installer_user_id            NVARCHAR(32)   NULL,
    installed_at                 DATETIME2      NOT NULL,
    updated_at                   DATETIME2      NOT NULL,
    uninstalled_at               DATETIME2      NULL,
    CONSTRAINT pk_installations PRIMARY KEY (enterprise_id, team_id)
);

CREATE INDEX ix_installations_team ON installations (team_id);

-- Per-workspace settings, changed from the App Home tab.
CREATE TABLE workspace_settings (
    team_id                  NVARCHAR(32)   NOT NULL CONSTRAINT pk_workspace_settings PRIMARY KEY,
    salesforce_base_url      NVARCHAR(2000) NULL,
    fallback_channel_id      NVARCHAR(32)   NULL,
    signal_secret_protected  NVARCHAR(MAX)  NULL,
    signal_secret_rotated_at DATETIME2      NULL,
    updated_at               DATETIME2      NOT NULL,
    updated_by               NVARCHAR(32)   NULL
);

-- People (besides admins and the installer) who may change workflows and settings.
CREATE TABLE workflow_managers (
    team_id  NVARCHAR(32) NOT NULL,
    user_id  NVARCHAR(32) NOT NULL,
    added_at DATETIME2    NOT NULL,
    CONSTRAINT pk_workflow_managers PRIMARY KEY (team_id, user_id)
);

-- OAuth `state` values handed out by /slack/install: each valid once, until it expires.
CREATE TABLE oauth_states (
    state      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_oauth_states PRIMARY KEY,
    expires_at DATETIME2     NOT NULL
);
