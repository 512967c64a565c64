-- Noise control: a Slack message may carry several notification items, and workflows say how theirs go out.
--
-- notification_messages: what is sent, one row per Slack message (its channel, ts and state). The items it
-- carries are notification_deliveries rows whose message_id points here. A message is recorded (status
-- 'sending', items attached) before it is posted, so a crash between the post and its record sends that one
-- message again with the same items, and never loses or splits one.
CREATE TABLE notification_messages (
    id             BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_notification_messages PRIMARY KEY,
    team_id        NVARCHAR(32)  NOT NULL,
    recipient_kind NVARCHAR(16)  NOT NULL,
    recipient_id   NVARCHAR(64)  NOT NULL,
    -- 'single' (one item, the full message) or 'digest' (several, compact).
    kind           NVARCHAR(16)  NOT NULL,
    -- sending, sent or failed.
    status         NVARCHAR(16)  NOT NULL,
    item_count     INT           NOT NULL,
    slack_channel  NVARCHAR(32)  NULL,
    slack_ts       NVARCHAR(32)  NULL,
    last_error     NVARCHAR(100) NULL,
    created_at     DATETIME2     NOT NULL,
    sent_at        DATETIME2     NULL
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
ALTER TABLE notification_deliveries ADD
    message_id        BIGINT        NULL,
    workflow_id       BIGINT        NULL,
    held_reason       NVARCHAR(16)  NULL,
    suppressed_reason NVARCHAR(400) NULL,
    subject_key       NVARCHAR(64)  NULL,
    fact_key          NVARCHAR(64)  NULL,
    time_zone         NVARCHAR(64)  NULL;

CREATE INDEX ix_notification_deliveries_message ON notification_deliveries (message_id);
CREATE INDEX ix_notification_deliveries_subject ON notification_deliveries (team_id, recipient_kind, recipient_id, subject_key, created_at);
CREATE INDEX ix_notification_deliveries_workflow ON notification_deliveries (team_id, workflow_id, created_at);

-- A workflow's delivery settings (mode, digest interval or time, duplicate window, daily cap) as JSON; NULL is
-- the default: instant, a 7-day duplicate window, no cap.
ALTER TABLE workflows ADD delivery_json NVARCHAR(1000) NULL;

-- The workspace's time zone (IANA id, for channel digests and quiet hours) and quiet hours as JSON.
ALTER TABLE workspace_settings ADD
    time_zone        NVARCHAR(64)  NULL,
    quiet_hours_json NVARCHAR(400) NULL;

-- What a person set for themselves from the Home tab: their quiet hours, as JSON.
CREATE TABLE person_settings (
    team_id          NVARCHAR(32)  NOT NULL,
    user_id          NVARCHAR(32)  NOT NULL,
    quiet_hours_json NVARCHAR(400) NULL,
    updated_at       DATETIME2     NOT NULL,
    CONSTRAINT pk_person_settings PRIMARY KEY (team_id, user_id)
);

-- Old signals are purged by received_at.
CREATE INDEX ix_signals_received ON signals (team_id, received_at);
