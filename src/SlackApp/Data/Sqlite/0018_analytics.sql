-- Analytics on the Home tab: the items a workspace sent in the last 7 and 30 days, counted by workflow. Partial (sent
-- rows only) so it stays small beside the rows still waiting, held or suppressed; the queries name status = 'sent'
-- literally so SQLite can use it. The other existing indexes lead with created_at or the recipient, not sent_at.
CREATE INDEX ix_notification_deliveries_sent ON notification_deliveries (team_id, sent_at) WHERE status = 'sent';
