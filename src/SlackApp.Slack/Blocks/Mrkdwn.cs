namespace SlackApp.Slack.Blocks;

/// <summary>Helpers for Slack's mrkdwn text format.</summary>
public static class Mrkdwn
{
    /// <summary>
    /// Escapes Slack's control characters (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) as HTML entities so
    /// user-supplied text shows literally and cannot form mentions (<c>&lt;!channel&gt;</c>) or links.
    /// Slack asks for exactly these three and no other entity ("Formatting text for app surfaces",
    /// Escaping text).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // '&' first, or the entities we add would be escaped again.
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }
}
