-- Events API deliveries already taken, by event_id, so a retry Slack sends to another instance is not
-- processed twice. Rows older than the de-duplication window are pruned.
CREATE TABLE slack_events (
    event_id    NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_slack_events PRIMARY KEY,
    received_at DATETIME2    NOT NULL
);

CREATE INDEX ix_slack_events_received ON slack_events (received_at);
