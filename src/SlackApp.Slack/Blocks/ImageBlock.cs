namespace SlackApp.Slack.Blocks;

/// <summary>A standalone image with alt text and an optional title.</summary>
/// <param name="ImageUrl">A public URL of the image (max 3000 chars).</param>
/// <param name="AltText">A plain-text summary for screen readers (max 2000 chars).</param>
public sealed record ImageBlock(string ImageUrl, string AltText) : Block
{
    /// <summary>Shown above the image (plain text, max 2000 chars).</summary>
    public PlainText? Title { get; init; }
}
