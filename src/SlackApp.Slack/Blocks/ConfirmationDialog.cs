namespace SlackApp.Slack.Blocks;

/// <summary>A dialog that asks the user to confirm before an interactive element acts.</summary>
/// <param name="Title">Plain text, max 100 chars.</param>
/// <param name="Text">The explanation, max 300 chars.</param>
/// <param name="Confirm">The confirm button's label (plain text, max 30 chars).</param>
/// <param name="Deny">The cancel button's label (plain text, max 30 chars).</param>
public sealed record ConfirmationDialog(PlainText Title, TextObject Text, PlainText Confirm, PlainText Deny)
{
    /// <summary>The confirm button's colour (Slack's default: primary).</summary>
    public ButtonStyle? Style { get; init; }
}
