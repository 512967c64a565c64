namespace SlackApp.Slack.Blocks;

/// <summary>One way a message or view breaks Slack's Block Kit rules.</summary>
/// <param name="Path">Where, as a JSON path into the serialised surface (<c>$.blocks[3].elements[0].text.text</c>).</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record BlockKitViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
