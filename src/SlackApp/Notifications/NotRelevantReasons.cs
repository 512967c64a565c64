using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Why a reader said an item is not relevant, as stored in <c>not_relevant_reason</c>: a reason's wire value, then
/// the note they typed after a newline (either may be missing). The analytics count the wire values.
/// </summary>
public static class NotRelevantReasons
{
    public const string NotAFit = "not_a_fit";
    public const string WrongPerson = "wrong_person";
    public const string AlreadyKnown = "already_known";
    public const string Other = "other";

    public const int MaxNoteLength = 300;

    public static IReadOnlyList<(string Wire, string Label)> All { get; } =
    [
        (NotAFit, "Not an account we care about"),
        (WrongPerson, "Not a person who matters here"),
        (AlreadyKnown, "We knew already"),
        (Other, "Something else"),
    ];

    public static string? Write(string? reason, string? note)
    {
        var wire = All.Any(r => r.Wire == reason) ? reason : null;
        var text = string.IsNullOrWhiteSpace(note) ? null : UntrustedText.Truncate(note.Trim(), MaxNoteLength);
        return (wire, text) switch
        {
            (null, null) => null,
            (_, null) => wire,
            _ => $"{wire}\n{text}",
        };
    }

    /// <summary>The stored reason's wire value, or null.</summary>
    public static string? Wire(string? stored) => stored?.Split('\n', 2)[0] is { Length: > 0 } wire && All.Any(r => r.Wire == wire) ? wire : null;

    /// <summary>" · Not an account we care about: “note”" for a message's context line; empty when no reason was given.</summary>
    public static string Said(string? stored)
    {
        if (stored is null)
        {
            return string.Empty;
        }

        var parts = stored.Split('\n', 2);
        var label = All.FirstOrDefault(r => r.Wire == parts[0]).Label;
        var note = parts.Length > 1 ? $"“{UntrustedText.MrkdwnClipped(parts[1], MaxNoteLength)}”" : null;
        return " · " + string.Join(": ", new[] { label, note }.Where(p => p is not null));
    }
}
