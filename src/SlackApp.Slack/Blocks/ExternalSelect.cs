namespace SlackApp.Slack.Blocks;

/// <summary>A select menu whose options the app serves on demand (<c>block_suggestion</c>).</summary>
public sealed record ExternalSelect : SelectMenu
{
    /// <summary>Preselected option (it need not be among any list Slack knows of).</summary>
    public Option? InitialOption { get; init; }

    /// <summary>Characters typed before Slack asks the app for options (Slack's default: 3).</summary>
    public int? MinQueryLength { get; init; }
}

/// <summary>A multi-select menu whose options the app serves on demand.</summary>
public sealed record MultiExternalSelect : MultiSelectMenu
{
    /// <summary>Preselected options.</summary>
    public IReadOnlyList<Option>? InitialOptions { get; init; }

    /// <summary>Characters typed before Slack asks the app for options (Slack's default: 3).</summary>
    public int? MinQueryLength { get; init; }
}
