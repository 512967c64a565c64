namespace SlackApp.Slack.WebApi;

/// <summary>The fields every Web API answer shares; read before the method's own result.</summary>
internal sealed record SlackApiEnvelope
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    public ResponseMetadata? ResponseMetadata { get; init; }
}
