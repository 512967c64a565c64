namespace SlackApp.Slack.Blocks;

/// <summary>A "…" button that opens a short list of options (up to 5), which may be links.</summary>
public sealed record OverflowMenu(IReadOnlyList<Option> Options) : InteractiveElement
{
    /// <summary>Asks the user to confirm the chosen option.</summary>
    public ConfirmationDialog? Confirm { get; init; }
}
