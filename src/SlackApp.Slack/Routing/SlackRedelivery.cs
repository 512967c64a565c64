namespace SlackApp.Slack.Routing;

/// <summary>Slack's note that a request is a redelivery (HTTP: <c>X-Slack-Retry-*</c>; Socket Mode: <c>retry_attempt</c>/<c>retry_reason</c>), for the logs.</summary>
internal sealed record SlackRedelivery(string? Attempt, string? Reason);
