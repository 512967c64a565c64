-- The notification outbox: one row per recipient of a signal (however many workflows matched it), or
-- per "Send test". The delivery worker claims due rows with a lease, posts them, and records where they
-- went; every row ends sent, failed (with Slack's error code) or undeliverable (with the reason).
CREATE TABLE notification_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id         TEXT    NOT NULL,
    -- signals.id of the signal notified about; NULL for a test notification.
    signal_row_id   INTEGER NULL,
    is_test         INTEGER NOT NULL DEFAULT 0,
    -- 'channel' (a channel id), 'user' (a DM to a user id) or 'role' (an account role nobody could be found for).
    recipient_kind  TEXT    NOT NULL,
    recipient_id    TEXT    NOT NULL,
    -- The matched workflows and why, as JSON; the note says whose DM this fallback copy stands in for.
    matches_json    TEXT    NOT NULL,
    note            TEXT    NULL,
    -- The made-up signal of a test notification (real ones are read from signals.raw_json).
    sample_json     TEXT    NULL,
    -- pending, sending, sent, failed or undeliverable.
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    lease_until     TEXT    NULL,
    lease_owner     TEXT    NULL,
    slack_channel   TEXT    NULL,
    slack_ts        TEXT    NULL,
    sent_at         TEXT    NULL,
    last_error      TEXT    NULL,
    error_detail    TEXT    NULL,
    acknowledged_by TEXT    NULL,
    acknowledged_at TEXT    NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- One delivery per recipient per signal: the planner may run twice for a signal and inserts if absent.
-- Test rows (signal_row_id NULL) never collide: SQLite treats NULLs as distinct.
CREATE UNIQUE INDEX ux_notification_deliveries_recipient ON notification_deliveries (team_id, signal_row_id, recipient_kind, recipient_id);

-- The worker looks for due rows; the Home tab for a workspace's latest.
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (status, next_attempt_at);
CREATE INDEX ix_notification_deliveries_team ON notification_deliveries (team_id, id);

-- Clicks on a notification's link buttons (Open in Salesforce, View LinkedIn).
CREATE TABLE notification_clicks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id     TEXT    NOT NULL,
    delivery_id INTEGER NOT NULL,
    action_id   TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    clicked_at  TEXT    NOT NULL
);

CREATE INDEX ix_notification_clicks_delivery ON notification_clicks (team_id, delivery_id);
