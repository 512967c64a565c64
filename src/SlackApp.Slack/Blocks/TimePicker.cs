namespace SlackApp.Slack.Blocks;

/// <summary>A time-of-day picker; the time travels as <c>HH:mm</c> (24-hour).</summary>
public sealed record TimePicker : InteractiveElement
{
    /// <summary>The time selected when loaded, <c>HH:mm</c>.</summary>
    public string? InitialTime { get; init; }

    /// <summary>An IANA time zone shown beside the time; the picked time is in the user's own zone when absent.</summary>
    public string? Timezone { get; init; }

    /// <summary>Shown until a time is chosen (plain text, max 150 chars).</summary>
    public PlainText? Placeholder { get; init; }

    /// <summary>Asks the user to confirm the time.</summary>
    public ConfirmationDialog? Confirm { get; init; }

    /// <summary>Focuses the element when the view opens; at most one element per view.</summary>
    public bool? FocusOnLoad { get; init; }
}
