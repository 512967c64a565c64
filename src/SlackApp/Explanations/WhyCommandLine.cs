using SlackApp.Slack.Routing;

namespace SlackApp.Explanations;

/// <summary><c>/usergems why SIGNAL_ID</c>: the word that picks this listener, and the id after it.</summary>
public static class WhyCommandLine
{
    public const string Word = "why";

    public const string Usage = "Which signal? Try `/usergems why SIGNAL_ID`, with the `id` the signal source sent.";

    /// <summary>Command texts starting with <c>why</c>, so this listener takes them before the workflow command's catch-all.</summary>
    public static ListenerId Text { get; } = ListenerId.Where(IsWhy, Word + " SIGNAL_ID");

    public static bool IsWhy(string? text) =>
        FirstWord(text) is { } first && string.Equals(first, Word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The signal id after <c>why</c>, without the quotes or backticks people paste around it; null when none was given.</summary>
    public static string? SignalId(string? text)
    {
        var words = (text ?? string.Empty).Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2)
        {
            return null;
        }

        var id = words[1].Trim('`', '"', '\'', '“', '”', ' ');
        return id.Length == 0 ? null : id;
    }

    private static string? FirstWord(string? text) =>
        (text ?? string.Empty).Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : null;
}
