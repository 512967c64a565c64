namespace SlackApp.Slack.Blocks;

/// <summary>A Block Kit layout block; concrete kinds derive from it.</summary>
public abstract record Block
{
    /// <summary>Identifies the block in interaction payloads and view state (max 255 chars).</summary>
    public string? BlockId { get; init; }
}
