namespace SlackApp.Slack.Blocks;

/// <summary>A labelled form field in a modal (or Home tab) whose value arrives in the view state.</summary>
/// <param name="Label">Shown above the element (plain text, max 2000 chars).</param>
/// <param name="Element">The input: plain text input, select, checkboxes, radio buttons, date picker...</param>
public sealed record InputBlock(PlainText Label, BlockElement Element) : Block
{
    /// <summary>Shown below the element in lighter grey (plain text, max 2000 chars).</summary>
    public PlainText? Hint { get; init; }

    /// <summary>Whether the modal may be submitted with this input empty (Slack's default: false).</summary>
    public bool? Optional { get; init; }

    /// <summary>Whether using the element sends a <c>block_actions</c> payload right away.</summary>
    public bool? DispatchAction { get; init; }
}
