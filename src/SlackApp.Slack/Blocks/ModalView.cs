namespace SlackApp.Slack.Blocks;

/// <summary>A modal dialog (<c>views.open</c>, <c>views.update</c>, <c>views.push</c>).</summary>
/// <param name="Title">Top-left title (plain text, max 24 chars).</param>
public sealed record ModalView(PlainText Title) : View
{
    /// <summary>The submit button's label (plain text, max 24 chars); required when the modal has input blocks.</summary>
    public PlainText? Submit { get; init; }

    /// <summary>The close button's label (plain text, max 24 chars).</summary>
    public PlainText? Close { get; init; }

    /// <summary>Closing clears the whole stack of views, not just this one.</summary>
    public bool? ClearOnClose { get; init; }

    /// <summary>Slack sends <c>view_closed</c> when the user closes the modal.</summary>
    public bool? NotifyOnClose { get; init; }
}
