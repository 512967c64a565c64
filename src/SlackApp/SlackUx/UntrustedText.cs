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

    /// <summary>
    /// <see cref="Mrkdwn(string)"/> of at most <paramref name="max"/> characters of the text as sent. Cut before it is
    /// escaped, so the cut never splits an entity (<c>&amp;amp;</c>) nor, placed inside the app's own marks, those marks.
    /// </summary>
    public static string MrkdwnClipped(string text, int max) => Mrkdwn(Truncate(Line(text), max));

    /// <summary>
    /// Trims to <paramref name="max"/> characters with an ellipsis, for Block Kit's length limits. Never cuts an
    /// emoji or other character made of two UTF-16 units in half (a lone half makes the whole message invalid).
    /// </summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }

    /// <summary>Untrusted text on one line: a name with line breaks would otherwise break a one-line layout.</summary>
    public static string Line(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>A free-text value such as a department (<c>sales_ops</c>) as a label people read (<c>Sales ops</c>).</summary>
    public static string Label(string value)
    {
        var words = Line(value).Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        return text.Length == 0 || !char.IsLower(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static MarkdownText Markdown(string mrkdwn, int max = 3000) => new(Truncate(mrkdwn, max));
}
