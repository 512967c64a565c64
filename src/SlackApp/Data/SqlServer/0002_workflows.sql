-- Workflows: who hears about which signals. Lists (types, filters, recipients) are JSON text so both
-- dialects store them the same way; they are only ever read whole with their workflow.
CREATE TABLE workflows (
    id                  BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_workflows PRIMARY KEY,
    team_id             NVARCHAR(32)   NOT NULL,
    name                NVARCHAR(60)   NOT NULL,
    name_key            NVARCHAR(60)   NOT NULL,
    enabled             BIT            NOT NULL CONSTRAINT df_workflows_enabled DEFAULT 1,
    signal_types        NVARCHAR(200)  NOT NULL,
    filters_json        NVARCHAR(MAX)  NOT NULL,
    recipients_json     NVARCHAR(MAX)  NOT NULL,
    fallback_channel_id NVARCHAR(32)   NULL,
    created_by          NVARCHAR(32)   NULL,
    created_at          DATETIME2      NOT NULL,
    updated_by          NVARCHAR(32)   NULL,
    updated_at          DATETIME2      NOT NULL,
    version             INT            NOT NULL CONSTRAINT df_workflows_version DEFAULT 1
);

-- Names are unique in a workspace, ignoring case.
CREATE UNIQUE INDEX ux_workflows_team_name ON workflows (team_id, name_key);
