namespace SlackApp.Slack.Blocks;

/// <summary>A horizontal rule between blocks.</summary>
public sealed record DividerBlock : Block;
