namespace SlackApp.Slack.Blocks;

/// <summary>A single- or multi-line free text field.</summary>
public sealed record PlainTextInput : InteractiveElement
{
    /// <summary>The text present when loaded.</summary>
    public string? InitialValue { get; init; }

    /// <summary>A larger text area instead of a single line.</summary>
    public bool? Multiline { get; init; }

    /// <summary>The fewest characters accepted (0..3000).</summary>
    public int? MinLength { get; init; }

    /// <summary>The most characters accepted (1..3000).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Shown while empty (plain text, max 150 chars).</summary>
    public PlainText? Placeholder { get; init; }

    /// <summary>When typing sends <c>block_actions</c> (with <c>dispatch_action</c> on the input block).</summary>
    public DispatchActionConfig? DispatchActionConfig { get; init; }

    /// <summary>Focuses the element when the view opens; at most one element per view.</summary>
    public bool? FocusOnLoad { get; init; }
}
