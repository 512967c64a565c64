-- "Not relevant": a reader says an item does not matter, with an optional reason (it feeds the analytics).
ALTER TABLE notification_deliveries ADD
    not_relevant_by     NVARCHAR(32)  NULL,
    not_relevant_at     DATETIME2     NULL,
    not_relevant_reason NVARCHAR(400) NULL;

-- "Don't show me this account again": the planner suppresses a muted account's items for that person (their DMs),
-- recorded with the reason. account_key is NotificationSubject.AccountKey (a hash: domain, else Salesforce id, else name).
CREATE TABLE account_mutes (
    id           BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_account_mutes PRIMARY KEY,
    team_id      NVARCHAR(32)  NOT NULL,
    user_id      NVARCHAR(32)  NOT NULL,
    account_key  NVARCHAR(64)  NOT NULL,
    account_name NVARCHAR(200) NOT NULL,
    muted_at     DATETIME2     NOT NULL
);

CREATE UNIQUE INDEX ux_account_mutes ON account_mutes (team_id, user_id, account_key);
