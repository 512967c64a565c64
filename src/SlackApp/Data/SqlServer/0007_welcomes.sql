-- People the app has welcomed in its Messages tab, once per person per workspace. Slack sends
-- app_home_opened each time the tab opens; a row here means the welcome was posted (or is being posted).
CREATE TABLE welcomes (
    team_id     NVARCHAR(32) NOT NULL,
    user_id     NVARCHAR(32) NOT NULL,
    welcomed_at DATETIME2    NOT NULL,
    CONSTRAINT pk_welcomes PRIMARY KEY (team_id, user_id)
);
