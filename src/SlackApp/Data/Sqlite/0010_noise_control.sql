-- Noise control: a Slack message may carry several notification items, and workflows say how theirs go out.
--
-- notification_messages: what is sent, one row per Slack message (its channel, ts and state). The items it
-- carries are notification_deliveries rows whose message_id points here. A message is recorded (status
-- 'sending', items attached) before it is posted, so a crash between the post and its record sends that one
-- message again with the same items, and never loses or splits one.
CREATE TABLE notification_messages (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id        TEXT    NOT NULL,
    recipient_kind TEXT    NOT NULL,
    recipient_id   TEXT    NOT NULL,
    -- 'single' (one item, the full message) or 'digest' (several, compact).
    kind           TEXT    NOT NULL,
    -- sending, sent or failed.
    status         TEXT    NOT NULL,
    item_count     INTEGER NOT NULL,
    slack_channel  TEXT    NULL,
    slack_ts       TEXT    NULL,
    last_error     TEXT    NULL,
    created_at     TEXT    NOT NULL,
    sent_at        TEXT    NULL
);

CREATE INDEX ix_notification_messages_ts ON notification_messages (team_id, slack_channel, slack_ts);

-- notification_deliveries rows are now items: one per signal and recipient, each with its own acknowledgement.
-- * message_id: the message that carries it, once one was put together.
-- * workflow_id: the workflow whose delivery settings it follows (the most immediate of those that matched).
-- * held_reason: why it waited before going out ('digest', 'quiet_hours', 'daily_cap'); kept after it is sent.
--   A held item has status 'held' until next_attempt_at, then waits like any other.
-- * suppressed_reason: why it was not sent at all (status 'suppressed'), e.g. a duplicate within the window.
-- * subject_key / fact_key: the person at the account, and what the signal says of them, for the duplicate window.
-- * time_zone: the reader's zone its release was reckoned in (a daily digest's hour), so a changed mode re-times it.
ALTER TABLE notification_deliveries ADD COLUMN message_id INTEGER NULL;
ALTER TABLE notification_deliveries ADD COLUMN workflow_id INTEGER NULL;
ALTER TABLE notification_deliveries ADD COLUMN held_reason TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN suppressed_reason TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN subject_key TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN fact_key TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN time_zone TEXT NULL;

CREATE INDEX ix_notification_deliveries_message ON notification_deliveries (message_id);
CREATE INDEX ix_notification_deliveries_subject ON notification_deliveries (team_id, recipient_kind, recipient_id, subject_key, created_at);
CREATE INDEX ix_notification_deliveries_workflow ON notification_deliveries (team_id, workflow_id, created_at);

-- A workflow's delivery settings (mode, digest interval or time, duplicate window, daily cap) as JSON; NULL is
-- the default: instant, a 7-day duplicate window, no cap.
ALTER TABLE workflows ADD COLUMN delivery_json TEXT NULL;

-- The workspace's time zone (IANA id, for channel digests and quiet hours) and quiet hours as JSON.
ALTER TABLE workspace_settings ADD COLUMN time_zone TEXT NULL;
ALTER TABLE workspace_settings ADD COLUMN quiet_hours_json TEXT NULL;

-- What a person set for themselves from the Home tab: their quiet hours, as JSON.
CREATE TABLE person_settings (
    team_id          TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    quiet_hours_json TEXT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- Old signals are purged by received_at.
CREATE INDEX ix_signals_received ON signals (team_id, received_at);
