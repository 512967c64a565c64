-- Who a notification is for, as the Home tab and the message need it:
-- * people_json: the account's owner, CSM and SDR as found in Slack when the signal was planned (role -> user id),
--   so the message mentions the owner and tells a DM's reader why it is theirs. NULL on older rows.
-- * the Home tab lists a member's own DMs and tests, and the notifications of channels they can see, newest first:
--   this index seeks one recipient's rows in id order, and lists a workspace's channels without reading the rows.
ALTER TABLE notification_deliveries ADD people_json NVARCHAR(1000) NULL;

CREATE INDEX ix_notification_deliveries_reader ON notification_deliveries (team_id, recipient_kind, recipient_id, id);
