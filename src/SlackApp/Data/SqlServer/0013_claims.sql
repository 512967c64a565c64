-- Claims: a person in a channel takes a signal ("I'll handle this"). Like an acknowledgement, a claim belongs to the
-- signal, so it is written on every item (copy) of it: the DM and the channel post show the same state. The
-- unique index on (team_id, signal_row_id, recipient_kind, recipient_id) already finds a signal's copies.
ALTER TABLE notification_deliveries ADD
    claimed_by NVARCHAR(32) NULL,
    claimed_at DATETIME2    NULL;
