namespace SlackApp.Slack.Payloads;

/// <summary>Slack's periodic <c>ssl_check=1</c> probe of a slash command URL; answered with an empty 200.</summary>
public sealed record SslCheckPayload : SlackPayload;
