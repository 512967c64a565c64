namespace SlackApp.Slack.Blocks;

/// <summary>One choice in a select, overflow menu, checkbox group or radio group.</summary>
/// <param name="Text">What the user sees (max 75 chars).</param>
/// <param name="Value">What the app receives (max 150 chars).</param>
public sealed record Option(TextObject Text, string Value)
{
    /// <summary>Shown under the text in checkboxes and radio buttons (max 75 chars).</summary>
    public TextObject? Description { get; init; }

    /// <summary>Overflow menus only: a link opened when the option is chosen.</summary>
    public string? Url { get; init; }
}

/// <summary>A labelled group of options in a select.</summary>
public sealed record OptionGroup(PlainText Label, IReadOnlyList<Option> Options);
