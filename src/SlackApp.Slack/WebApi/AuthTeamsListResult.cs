namespace SlackApp.Slack.WebApi;

/// <summary>A workspace as <c>auth.teams.list</c> names it.</summary>
public sealed record SlackTeam
{
    public required string Id { get; init; }
    public string? Name { get; init; }
}

/// <summary>One page of <c>auth.teams.list</c>.</summary>
public sealed record AuthTeamsListResult
{
    public IReadOnlyList<SlackTeam> Teams { get; init => field = value ?? []; } = [];
    public ResponseMetadata? ResponseMetadata { get; init; }

    /// <summary>The cursor of the next page, or null on the last page.</summary>
    public string? NextCursor => string.IsNullOrEmpty(ResponseMetadata?.NextCursor) ? null : ResponseMetadata.NextCursor;
}
