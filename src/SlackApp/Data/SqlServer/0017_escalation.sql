-- Escalation: when a workflow says so, an item nobody acknowledged or claimed in time is escalated once. The mark is
-- written on every copy of the signal in the same transaction that queues the escalation notices, so a restart
-- neither loses nor repeats one.
ALTER TABLE notification_deliveries ADD escalated_at DATETIME2 NULL;
