-- "Wrong owner": a DM's reader (or an admin) sends the signal to the person who really holds the role. The copy
-- forwarded records to whom, by whom and when (its message says where it went); the new DM records who forwarded it
-- and why (its message says so), with forwarded_to left empty.
ALTER TABLE notification_deliveries ADD COLUMN forwarded_to TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN forwarded_by TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN forwarded_at TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN forward_reason TEXT NULL;
