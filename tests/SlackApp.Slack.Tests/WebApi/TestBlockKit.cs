using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Tests.WebApi;

/// <summary>A minimal derived block: the client must write its own properties, not just <see cref="Block"/>'s.</summary>
internal sealed record TestSectionBlock(string Text) : Block
{
    public string Type => "section";
}

/// <summary>A minimal derived modal view.</summary>
internal sealed record TestModalView(string Title) : View
{
    public string Type => "modal";
}
