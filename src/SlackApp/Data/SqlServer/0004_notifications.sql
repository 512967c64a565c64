-- The notification outbox: one row per recipient of a signal (however many workflows matched it), or
-- per "Send test". The delivery worker claims due rows with a lease, posts them, and records where they
-- went; every row ends sent, failed (with Slack's error code) or undeliverable (with the reason).
CREATE TABLE notification_deliveries (
    id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_notification_deliveries PRIMARY KEY,
    team_id         NVARCHAR(32)   NOT NULL,
    -- signals.id of the signal notified about; NULL for a test notification.
    signal_row_id   BIGINT         NULL,
    is_test         BIT            NOT NULL CONSTRAINT df_notification_deliveries_is_test DEFAULT 0,
    -- 'channel' (a channel id), 'user' (a DM to a user id) or 'role' (an account role nobody could be found for).
    recipient_kind  NVARCHAR(16)   NOT NULL,
    recipient_id    NVARCHAR(64)   NOT NULL,
    -- The matched workflows and why, as JSON; the note says whose DM this fallback copy stands in for.
    matches_json    NVARCHAR(MAX)  NOT NULL,
    note            NVARCHAR(2000) NULL,
    -- The made-up signal of a test notification (real ones are read from signals.raw_json).
    sample_json     NVARCHAR(MAX)  NULL,
    -- pending, sending, sent, failed or undeliverable.
    status          NVARCHAR(16)   NOT NULL,
    attempts        INT            NOT NULL CONSTRAINT df_notification_deliveries_attempts DEFAULT 0,
    next_attempt_at DATETIME2      NOT NULL,
    lease_until     DATETIME2      NULL,
    lease_owner     NVARCHAR(100)  NULL,
    slack_channel   NVARCHAR(32)   NULL,
    slack_ts        NVARCHAR(32)   NULL,
    sent_at         DATETIME2      NULL,
    last_error      NVARCHAR(100)  NULL,
    error_detail    NVARCHAR(1000) NULL,
    acknowledged_by NVARCHAR(32)   NULL,
    acknowledged_at DATETIME2      NULL,
    created_at      DATETIME2      NOT NULL,
    updated_at      DATETIME2      NOT NULL
);

-- One delivery per recipient per signal: the planner may run twice for a signal and inserts if absent.
-- Filtered, because SQL Server counts NULLs as equal and test rows (signal_row_id NULL) must never collide.
CREATE UNIQUE INDEX ux_notification_deliveries_recipient ON notification_deliveries (team_id, signal_row_id, recipient_kind, recipient_id)
    WHERE signal_row_id IS NOT NULL;

-- The worker looks for due rows; the Home tab for a workspace's latest.
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (status, next_attempt_at) INCLUDE (lease_until, is_test);
CREATE INDEX ix_notification_deliveries_team ON notification_deliveries (team_id, id);

-- Clicks on a notification's link buttons (Open in Salesforce, View LinkedIn).
CREATE TABLE notification_clicks (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_notification_clicks PRIMARY KEY,
    team_id     NVARCHAR(32)  NOT NULL,
    delivery_id BIGINT        NOT NULL,
    action_id   NVARCHAR(255) NOT NULL,
    user_id     NVARCHAR(32)  NOT NULL,
    clicked_at  DATETIME2     NOT NULL
);

CREATE INDEX ix_notification_clicks_delivery ON notification_clicks (team_id, delivery_id);
