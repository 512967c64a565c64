-- Each channel (or DM) gets its messages in the order their signals arrived: the delivery worker only claims a
-- channel's first waiting row. This index finds, for a row, whether an earlier one of its channel still waits.
CREATE INDEX ix_notification_deliveries_channel_queue ON notification_deliveries (team_id, recipient_kind, recipient_id, status, signal_row_id, id);
