-- Workspaces of an Enterprise Grid org served by the org's org-wide installation (installations row with
-- team_id ''). Signals, settings and notifications address a workspace by its team id alone; this is how
-- that team id finds its org's installation. Filled from auth.teams.list when an org-wide install
-- completes, from team_access_granted, and from the first verified Slack request of each workspace.
CREATE TABLE enterprise_teams (
    team_id       TEXT NOT NULL PRIMARY KEY,
    enterprise_id TEXT NOT NULL,
    team_name     TEXT NULL,
    linked_at     TEXT NOT NULL
);

CREATE INDEX ix_enterprise_teams_enterprise ON enterprise_teams (enterprise_id);
