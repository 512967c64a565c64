namespace SlackApp.Slack.Blocks;

/// <summary>The content of a message: a plain-text fallback plus optional blocks.</summary>
/// <param name="Text">Shown in notifications and read by screen readers; required alongside blocks.</param>
/// <param name="Blocks">The Block Kit layout (at most 50 blocks).</param>
public sealed record Message(string Text, IReadOnlyList<Block>? Blocks = null);
