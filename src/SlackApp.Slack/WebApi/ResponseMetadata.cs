namespace SlackApp.Slack.WebApi;

/// <summary>Slack's <c>response_metadata</c>: the next page's cursor, and the details behind errors and warnings.</summary>
public sealed record ResponseMetadata
{
    /// <summary>Empty or absent on the last page.</summary>
    public string? NextCursor { get; init; }

    public IReadOnlyList<string>? Messages { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}
