namespace SlackApp.Slack.Blocks;

/// <summary>A select menu over the workspace's users.</summary>
public sealed record UsersSelect : SelectMenu
{
    /// <summary>The user id preselected (<c>U…</c>).</summary>
    public string? InitialUser { get; init; }
}

/// <summary>A multi-select menu over the workspace's users.</summary>
public sealed record MultiUsersSelect : MultiSelectMenu
{
    /// <summary>The user ids preselected.</summary>
    public IReadOnlyList<string>? InitialUsers { get; init; }
}
