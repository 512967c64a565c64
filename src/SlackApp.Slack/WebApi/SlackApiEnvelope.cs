namespace SlackApp.Slack.WebApi;

/// <summary>The fields every Web API answer shares; read before the method's own result.</summary>
internal sealed record SlackApiEnvelope
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    public ResponseMetadata? ResponseMetadata { get; init; }

    /// <summary>Some methods (chat.postMessage with <c>invalid_blocks</c>) list the reasons here instead.</summary>
    public IReadOnlyList<string>? Errors { get; init; }

    /// <summary>Every reason Slack gave for an error, wherever it put them.</summary>
    public IReadOnlyList<string> Details => [.. ResponseMetadata?.Messages ?? [], .. Errors ?? []];
}
