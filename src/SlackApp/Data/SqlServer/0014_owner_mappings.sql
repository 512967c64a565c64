-- Owner mapping: a CRM email that users.lookupByEmail does not find (another domain, an alias) mapped by an admin
-- to a Slack user. The resolver reads the mapping before it asks Slack. Emails are stored trimmed and lower-case.
CREATE TABLE owner_mappings (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_owner_mappings PRIMARY KEY,
    team_id       NVARCHAR(32)  NOT NULL,
    email         NVARCHAR(320) NOT NULL,
    slack_user_id NVARCHAR(32)  NOT NULL,
    mapped_by     NVARCHAR(32)  NOT NULL,
    mapped_at     DATETIME2     NOT NULL
);

CREATE UNIQUE INDEX ux_owner_mappings_email ON owner_mappings (team_id, email);
CREATE INDEX ix_owner_mappings_latest ON owner_mappings (team_id, mapped_at);

-- Role emails that found nobody, counted once per signal in the transaction that stores the signal's items, so a
-- signal planned again after a crash is not counted twice. A table rather than a query over the items: the email
-- sits only in the signal's JSON, and the Home tab's top 10 is then one indexed read. Mapping an email removes its row.
CREATE TABLE unmatched_owner_emails (
    id         BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_unmatched_owner_emails PRIMARY KEY,
    team_id    NVARCHAR(32)  NOT NULL,
    email      NVARCHAR(320) NOT NULL,
    -- The role it last stood for: owner, csm or sdr.
    role       NVARCHAR(16)  NOT NULL,
    signal_count INT         NOT NULL,
    first_seen DATETIME2     NOT NULL,
    last_seen  DATETIME2     NOT NULL
);

CREATE UNIQUE INDEX ux_unmatched_owner_emails_email ON unmatched_owner_emails (team_id, email);
CREATE INDEX ix_unmatched_owner_emails_count ON unmatched_owner_emails (team_id, signal_count);

-- The roles (comma-separated wire names) whose email found nobody, on the fallback copy standing in for their DMs:
-- the message then offers "Map this owner", which reads the email from the stored signal.
ALTER TABLE notification_deliveries ADD unmatched_roles NVARCHAR(32) NULL;
