namespace SlackApp.Slack.Blocks;

/// <summary>Text (and/or up to 10 two-column fields) with an optional accessory element beside it.</summary>
public sealed record SectionBlock : Block
{
    /// <summary>The main text (1..3000 chars); optional when <see cref="Fields"/> are given.</summary>
    public TextObject? Text { get; init; }

    /// <summary>Up to 10 text objects shown in two columns (each up to 2000 chars).</summary>
    public IReadOnlyList<TextObject>? Fields { get; init; }

    /// <summary>One element shown to the right: button, select, overflow, image, date picker...</summary>
    public BlockElement? Accessory { get; init; }
}
