namespace SlackApp.Slack.Blocks;

/// <summary>A select menu over public channels.</summary>
public sealed record ChannelsSelect : SelectMenu
{
    /// <summary>The channel id preselected.</summary>
    public string? InitialChannel { get; init; }

    /// <summary>Input blocks in modals only: the submission carries a <c>response_url</c> for the chosen channel.</summary>
    public bool? ResponseUrlEnabled { get; init; }
}

/// <summary>A multi-select menu over public channels.</summary>
public sealed record MultiChannelsSelect : MultiSelectMenu
{
    /// <summary>The channel ids preselected.</summary>
    public IReadOnlyList<string>? InitialChannels { get; init; }
}
