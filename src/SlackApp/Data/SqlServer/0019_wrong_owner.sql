-- "Wrong owner": a DM's reader (or an admin) sends the signal to the person who really holds the role. The copy
-- forwarded records to whom, by whom and when (its message says where it went); the new DM records who forwarded it
-- and why (its message says so), with forwarded_to left empty.
ALTER TABLE notification_deliveries ADD
    forwarded_to   NVARCHAR(32)  NULL,
    forwarded_by   NVARCHAR(32)  NULL,
    forwarded_at   DATETIME2     NULL,
    forward_reason NVARCHAR(400) NULL;
