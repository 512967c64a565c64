-- The retention worker purges the oldest signals of every workspace first: it seeks them by received_at alone
-- (ix_signals_received leads with team_id, for one workspace's recent signals).
CREATE INDEX ix_signals_received_at ON signals (received_at, id);
