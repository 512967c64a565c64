namespace SlackApp.Slack.Blocks;

/// <summary>Large bold plain text (max 150 chars) that heads a group of blocks.</summary>
public sealed record HeaderBlock(PlainText Text) : Block;
