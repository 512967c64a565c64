namespace SlackApp.Slack.Blocks;

/// <summary>Small grey text and images (up to 10 elements) giving context to a message.</summary>
public sealed record ContextBlock(IReadOnlyList<IContextElement> Elements) : Block;
