namespace SlackApp.Slack.Blocks;

/// <summary>A group of up to 10 checkboxes.</summary>
public sealed record Checkboxes(IReadOnlyList<Option> Options) : InteractiveElement
{
    /// <summary>Checked when loaded; each must be one of the options.</summary>
    public IReadOnlyList<Option>? InitialOptions { get; init; }

    /// <summary>Asks the user to confirm a change.</summary>
    public ConfirmationDialog? Confirm { get; init; }

    /// <summary>Focuses the element when the view opens; at most one element per view.</summary>
    public bool? FocusOnLoad { get; init; }
}
