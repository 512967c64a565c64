-- People the app has welcomed in its Messages tab, once per person per workspace. Slack sends
-- app_home_opened each time the tab opens; a row here means the welcome was posted (or is being posted).
CREATE TABLE welcomes (
    team_id     TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    welcomed_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
