namespace SlackApp.Slack.Blocks;

/// <summary>A small image inside a context block or as a section accessory.</summary>
/// <param name="ImageUrl">A public URL of the image (max 3000 chars).</param>
/// <param name="AltText">A plain-text summary for screen readers (max 2000 chars).</param>
public sealed record ImageElement(string ImageUrl, string AltText) : BlockElement, IContextElement;
