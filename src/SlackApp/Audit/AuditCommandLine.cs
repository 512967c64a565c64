using System.Globalization;
using SlackApp.Slack.Routing;

namespace SlackApp.Audit;

/// <summary><c>/usergems audit [PAGE]</c>: the word that picks this listener, and the page after it.</summary>
public static class AuditCommandLine
{
    public const string Word = "audit";

    /// <summary>Pages past this are refused: it bounds the offset read from the database.</summary>
    public const int MaxPage = 10_000;

    public const string Usage = "Which page? Try `/usergems audit` for the latest changes, or `/usergems audit 2` for the ones before.";

    /// <summary>Command texts starting with <c>audit</c>, so this listener takes them before the workflow command's catch-all.</summary>
    public static ListenerId Text { get; } = ListenerId.Where(IsAudit, Word + " [PAGE]");

    public static bool IsAudit(string? text) =>
        Words(text) is [var first, ..] && string.Equals(first, Word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The page asked for: 1 when none is given, null when what follows is not a page number.</summary>
    public static int? Page(string? text) => Words(text) switch
    {
        [_] => 1,
        [_, var page] when int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPage => n,
        _ => null,
    };

    private static string[] Words(string? text) =>
        (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
