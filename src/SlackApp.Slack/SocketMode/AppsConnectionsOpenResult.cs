namespace SlackApp.Slack.SocketMode;

/// <summary>What <c>apps.connections.open</c> answers: a single-use WebSocket URL.</summary>
internal sealed record AppsConnectionsOpenResult
{
    public string? Url { get; init; }
}
