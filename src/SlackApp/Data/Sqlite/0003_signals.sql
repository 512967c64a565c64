-- Signals as the intake accepted them: the source's object verbatim (raw_json) plus the columns the
-- matching worker needs. A (team_id, signal_id) pair is stored once, so retried deliveries are no-ops.
CREATE TABLE signals (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id     TEXT    NOT NULL,
    signal_id   TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    occurred_at TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    raw_json    TEXT    NOT NULL,
    -- 'pending' until the matching worker handed it on, then 'matched'.
    status      TEXT    NOT NULL DEFAULT 'pending',
    matched_at  TEXT    NULL,
    match_count INTEGER NULL,
    -- Failed matching passes; the lease doubles as the retry time after a failure.
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT    NULL,
    lease_until TEXT    NULL,
    lease_owner TEXT    NULL
);

CREATE UNIQUE INDEX ux_signals_team_signal ON signals (team_id, signal_id);

-- The worker looks for pending signals in id order.
CREATE INDEX ix_signals_status ON signals (status, id);
