namespace SlackApp.Slack.Blocks;

/// <summary>A button that sends a <c>block_actions</c> payload or opens a link.</summary>
/// <param name="Text">The label (plain text, max 75 chars).</param>
public sealed record Button(PlainText Text) : InteractiveElement
{
    /// <summary>Sent to the app with the action (max 2000 chars).</summary>
    public string? Value { get; init; }

    /// <summary>A link opened in the user's browser (max 3000 chars); the app still gets the action.</summary>
    public string? Url { get; init; }

    /// <summary>Primary (green) or danger (red); default grey when absent.</summary>
    public ButtonStyle? Style { get; init; }

    /// <summary>Asks the user to confirm before the action is sent.</summary>
    public ConfirmationDialog? Confirm { get; init; }

    /// <summary>Read by screen readers instead of the text (max 75 chars).</summary>
    public string? AccessibilityLabel { get; init; }
}
