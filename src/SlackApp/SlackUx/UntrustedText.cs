using SlackApp.Slack.Blocks;

namespace SlackApp.SlackUx;

/// <summary>
/// Makes text from signal sources safe inside mrkdwn: Slack's control characters are escaped (no
/// <c>&lt;!channel&gt;</c> pings, no links), and mrkdwn's formatting marks, which Slack offers no escape
/// for, become their full-width look-alikes so a name cannot break the message's bold or code spans.
/// </summary>
public static class UntrustedText
{
    public static string Mrkdwn(string text) => SlackApp.Slack.Blocks.Mrkdwn.Escape(text)
        .Replace('*', '\uFF0A')
        .Replace('_', '\uFF3F')
        .Replace('~', '\uFF5E')
        .Replace('`', '\uFF40');

    /// <summary>Trims to <paramref name="max"/> characters with an ellipsis, for Block Kit's length limits.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public static MarkdownText Markdown(string mrkdwn, int max = 3000) => new(Truncate(mrkdwn, max));
}
