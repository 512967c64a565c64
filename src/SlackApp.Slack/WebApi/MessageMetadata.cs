namespace SlackApp.Slack.WebApi;

/// <summary>Structured data attached to a posted message, read back by events and <c>conversations.history</c>.</summary>
/// <param name="EventType">A snake_case name for what happened, e.g. <c>signal_notified</c>.</param>
/// <param name="EventPayload">The data; values serialise as JSON.</param>
public sealed record MessageMetadata(string EventType, IReadOnlyDictionary<string, object?> EventPayload);
