namespace SlackApp.Slack.Blocks;

/// <summary>A select menu over conversations (channels, private channels, DMs) the user can see.</summary>
public sealed record ConversationsSelect : SelectMenu
{
    /// <summary>The conversation id preselected.</summary>
    public string? InitialConversation { get; init; }

    /// <summary>Preselects the conversation the view was opened from (ignored when initial_conversation is set).</summary>
    public bool? DefaultToCurrentConversation { get; init; }

    /// <summary>Input blocks in modals only: the submission carries a <c>response_url</c> for the chosen conversation.</summary>
    public bool? ResponseUrlEnabled { get; init; }

    /// <summary>Limits which conversations are listed.</summary>
    public ConversationFilter? Filter { get; init; }
}

/// <summary>A multi-select menu over conversations.</summary>
public sealed record MultiConversationsSelect : MultiSelectMenu
{
    /// <summary>The conversation ids preselected.</summary>
    public IReadOnlyList<string>? InitialConversations { get; init; }

    /// <summary>Preselects the conversation the view was opened from.</summary>
    public bool? DefaultToCurrentConversation { get; init; }

    /// <summary>Limits which conversations are listed.</summary>
    public ConversationFilter? Filter { get; init; }
}
