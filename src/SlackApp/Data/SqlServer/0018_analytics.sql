-- Analytics on the Home tab: the items a workspace sent in the last 7 and 30 days, counted by workflow. Filtered (sent
-- rows only) so it stays small beside the rows still waiting, held or suppressed; it carries the columns the counts
-- read, so they need no lookup.
CREATE INDEX ix_notification_deliveries_sent ON notification_deliveries (team_id, sent_at)
    INCLUDE (workflow_id, recipient_kind, is_test, acknowledged_at, not_relevant_by, snoozed_by, escalated_at)
    WHERE status = 'sent';
