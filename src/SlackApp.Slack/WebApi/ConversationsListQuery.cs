namespace SlackApp.Slack.WebApi;

/// <summary>What <c>conversations.list</c> should return; the cursor is passed separately.</summary>
public sealed record ConversationsListQuery
{
    /// <summary>Any of <c>public_channel</c>, <c>private_channel</c>, <c>mpim</c>, <c>im</c>.</summary>
    public IReadOnlyList<string> Types { get; init; } = ["public_channel"];
    public bool ExcludeArchived { get; init; } = true;

    /// <summary>Page size; Slack recommends no more than 200.</summary>
    public int Limit { get; init; } = 200;
}

/// <summary>What <c>users.conversations</c> should return: <see cref="User"/>'s conversations of <see cref="Types"/>; the cursor is passed separately.</summary>
public sealed record UsersConversationsQuery(string User)
{
    /// <summary>Any of <c>public_channel</c>, <c>private_channel</c>, <c>mpim</c>, <c>im</c> (each needs its <c>:read</c> scope).</summary>
    public IReadOnlyList<string> Types { get; init; } = ["public_channel"];
    public bool ExcludeArchived { get; init; }

    /// <summary>Page size; Slack recommends no more than 200.</summary>
    public int Limit { get; init; } = 200;
}
