namespace SlackApp.Slack.Payloads;

/// <summary>Anything Slack sends to the app's request URL: a slash command, an interaction or an Events API envelope.</summary>
public abstract record SlackPayload;
