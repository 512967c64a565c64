namespace SlackApp.Slack.Blocks;

/// <summary>A row of interactive elements (up to 25): buttons, selects, overflow menus, date pickers.</summary>
public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;
