namespace SlackApp.Slack.Blocks;

/// <summary>A group of up to 10 radio buttons.</summary>
public sealed record RadioButtons(IReadOnlyList<Option> Options) : InteractiveElement
{
    /// <summary>Selected when loaded; must be one of the options.</summary>
    public Option? InitialOption { get; init; }

    /// <summary>Asks the user to confirm a change.</summary>
    public ConfirmationDialog? Confirm { get; init; }

    /// <summary>Focuses the element when the view opens; at most one element per view.</summary>
    public bool? FocusOnLoad { get; init; }
}
