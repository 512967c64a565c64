-- Snooze: a person puts a signal off. The copy they snoozed records who and until when (its message says so), and
-- a reminder item (recipient_kind 'reminder', the person's user id) is held until then, when the delivery worker
-- DMs it to them like any other item.
ALTER TABLE notification_deliveries ADD COLUMN snoozed_by TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN snoozed_until TEXT NULL;
