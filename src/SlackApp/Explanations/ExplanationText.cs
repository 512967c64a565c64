using System.Globalization;
using SlackApp.Notifications;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Explanations;

/// <summary>The small pieces of mrkdwn the explanation is made of: times, recipients, ids and error codes.</summary>
internal static class ExplanationText
{
    /// <summary>A time in the reader's own time zone (Slack renders it), with a UTC fallback.</summary>
    public static string Date(DateTimeOffset at) => SlackDate.DateAndTime(at);

    public static string Recipient(RecipientKind kind, string id) => kind switch
    {
        RecipientKind.Channel => $"<#{SlackId(id)}>",
        RecipientKind.User => $"<@{SlackId(id)}>",
        RecipientKind.Reminder => $"<@{SlackId(id)}> (a snooze reminder)",
        _ => SignalNames.TryParse(id, out AccountRole role) ? SignalNames.Label(role) : UntrustedText.MrkdwnClipped(id, 64),
    };

    // Ids come from Slack, but a stored one must never become a mention or link of something else.
    public static string SlackId(string id) => new([.. id.Where(char.IsAsciiLetterOrDigit).Take(32)]);

    // Slack's error codes are snake_case words: shown as code, so their underscores stay underscores.
    public static string Code(string code) => $"`{new string([.. code.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').Take(100)])}`";

    /// <summary>
    /// A typed or stored id inside a code span: escaped so it cannot ping or link, its backticks swapped so it cannot
    /// close the span; underscores stay (a code span shows them literally, and people copy the id).
    /// </summary>
    public static string Code(string id, int max) =>
        "`" + SlackApp.Slack.Blocks.Mrkdwn.Escape(UntrustedText.Truncate(UntrustedText.Line(id), max)).Replace('`', '\uFF40') + "`";

    public static string Count(int count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
