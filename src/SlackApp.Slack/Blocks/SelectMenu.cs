namespace SlackApp.Slack.Blocks;

/// <summary>What every select menu shares: placeholder, confirmation and auto-focus.</summary>
public abstract record SelectMenu : InteractiveElement
{
    /// <summary>Shown until something is chosen (plain text, max 150 chars).</summary>
    public PlainText? Placeholder { get; init; }

    /// <summary>Asks the user to confirm the choice.</summary>
    public ConfirmationDialog? Confirm { get; init; }

    /// <summary>Focuses the element when the view opens; at most one element per view.</summary>
    public bool? FocusOnLoad { get; init; }
}

/// <summary>A select menu that lets the user choose several items.</summary>
public abstract record MultiSelectMenu : SelectMenu
{
    /// <summary>The most items the user may choose (at least 1).</summary>
    public int? MaxSelectedItems { get; init; }
}
