namespace SlackApp.Slack.Blocks;

/// <summary>A calendar date picker; the date travels as <c>YYYY-MM-DD</c>.</summary>
public sealed record DatePicker : InteractiveElement
{
    /// <summary>The date selected when loaded.</summary>
    public DateOnly? InitialDate { get; init; }

    /// <summary>Shown until a date is chosen (plain text, max 150 chars).</summary>
    public PlainText? Placeholder { get; init; }

    /// <summary>Asks the user to confirm the date.</summary>
    public ConfirmationDialog? Confirm { get; init; }

    /// <summary>Focuses the element when the view opens; at most one element per view.</summary>
    public bool? FocusOnLoad { get; init; }
}
