-- "Not relevant": a reader says an item does not matter, with an optional reason (it feeds the analytics).
ALTER TABLE notification_deliveries ADD COLUMN not_relevant_by TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN not_relevant_at TEXT NULL;
ALTER TABLE notification_deliveries ADD COLUMN not_relevant_reason TEXT NULL;

-- "Don't show me this account again": the planner suppresses a muted account's items for that person (their DMs),
-- recorded with the reason. account_key is NotificationSubject.AccountKey (a hash: domain, else Salesforce id, else name).
CREATE TABLE account_mutes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id      TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    account_key  TEXT NOT NULL,
    account_name TEXT NOT NULL,
    muted_at     TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_account_mutes ON account_mutes (team_id, user_id, account_key);
