-- Signals as the intake accepted them: the source's object verbatim (raw_json) plus the columns the
-- matching worker needs. A (team_id, signal_id) pair is stored once, so retried deliveries are no-ops.
CREATE TABLE signals (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_signals PRIMARY KEY,
    team_id     NVARCHAR(32)   NOT NULL,
    -- Binary collation: ids are case-sensitive ("sig_2Kx9a7" and "sig_2kx9a7" are two signals), as on SQLite.
    signal_id   NVARCHAR(128)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    type        NVARCHAR(32)   NOT NULL,
    occurred_at DATETIME2      NOT NULL,
    received_at DATETIME2      NOT NULL,
    raw_json    NVARCHAR(MAX)  NOT NULL,
    -- 'pending' until the matching worker handed it on, then 'matched'.
    status      NVARCHAR(16)   NOT NULL CONSTRAINT df_signals_status DEFAULT 'pending',
    matched_at  DATETIME2      NULL,
    match_count INT            NULL,
    -- Failed matching passes; the lease doubles as the retry time after a failure.
    attempts    INT            NOT NULL CONSTRAINT df_signals_attempts DEFAULT 0,
    last_error  NVARCHAR(1000) NULL,
    lease_until DATETIME2      NULL,
    lease_owner NVARCHAR(100)  NULL
);

CREATE UNIQUE INDEX ux_signals_team_signal ON signals (team_id, signal_id);

-- The worker looks for pending signals in id order.
CREATE INDEX ix_signals_status ON signals (status, id) INCLUDE (lease_until);
