namespace SlackApp.Slack.OAuth;

/// <summary>Reads Slack's comma-separated scope lists.</summary>
internal static class SlackScopes
{
    public static IReadOnlyList<string> Parse(string? scopes)
        => string.IsNullOrWhiteSpace(scopes) ? [] : scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
