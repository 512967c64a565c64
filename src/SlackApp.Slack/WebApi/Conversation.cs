namespace SlackApp.Slack.WebApi;

/// <summary>A channel, private channel, DM or group DM as the Conversations API reports it.</summary>
public sealed record Conversation
{
    public required string Id { get; init; }

    /// <summary>Absent for DMs.</summary>
    public string? Name { get; init; }
    public bool IsChannel { get; init; }
    public bool IsGroup { get; init; }
    public bool IsIm { get; init; }
    public bool IsMpim { get; init; }
    public bool IsPrivate { get; init; }
    public bool IsArchived { get; init; }

    /// <summary>Whether the calling bot is in the channel (it must be to post there, except in public channels with <c>chat:write.public</c>).</summary>
    public bool IsMember { get; init; }

    /// <summary>For a DM: the other user.</summary>
    public string? User { get; init; }
    public int? NumMembers { get; init; }
}

/// <summary>One page of <c>conversations.list</c>.</summary>
public sealed record ConversationsListResult
{
    public IReadOnlyList<Conversation> Channels { get; init; } = [];
    public ResponseMetadata? ResponseMetadata { get; init; }

    /// <summary>The cursor of the next page, or null on the last page.</summary>
    public string? NextCursor => string.IsNullOrEmpty(ResponseMetadata?.NextCursor) ? null : ResponseMetadata.NextCursor;
}

/// <summary>What <c>conversations.info</c> and <c>conversations.open</c> return.</summary>
public sealed record ConversationResult
{
    public required Conversation Channel { get; init; }

    /// <summary><c>conversations.open</c> only: the DM already existed.</summary>
    public bool? AlreadyOpen { get; init; }
    public bool? NoOp { get; init; }
}
