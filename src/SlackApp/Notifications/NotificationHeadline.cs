using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// What happened, in one line: "Jane Doe joined Acme Corp as VP of Sales", worded per signal type. Plain for the
/// message's header and notification text, mrkdwn (names in bold) for lists such as the Home tab. Pure.
/// </summary>
public static class NotificationHeadline
{
    // Each untrusted part is cut on its own, so a 2,000-character name leaves the sentence (and its marks) whole.
    private const int NameMax = 50;
    private const int TitleMax = 50;

    /// <summary>The plain headline, at most <paramref name="max"/> characters; the title is left out first when it is too long.</summary>
    public static string Plain(Signal signal, int max = 150)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var full = Build(signal, Cut, Cut, withTitle: true);
        return UntrustedText.Truncate(full.Length <= max ? full : Build(signal, Cut, Cut, withTitle: false), max);
    }

    /// <summary>Whether <see cref="Plain"/> names the person's title (else the message shows it as a field).</summary>
    public static bool PlainIncludesTitle(Signal signal, int max = 150) =>
        signal.Person.Title is { Length: > 0 } && signal.Type != SignalType.ContactLeft && Build(signal, Cut, Cut, withTitle: true).Length <= max;

    /// <summary>The headline as mrkdwn: names bold, every value escaped and cut to a safe length.</summary>
    public static string Mrkdwn(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return Build(signal, (text, max) => $"*{UntrustedText.MrkdwnClipped(text, max)}*", UntrustedText.MrkdwnClipped, withTitle: true);
    }

    private static string Build(Signal signal, Func<string, int, string> name, Func<string, int, string> title, bool withTitle)
    {
        var person = name(signal.Person.FullName, NameMax);
        var account = name(signal.Account.Name, NameMax);
        var role = withTitle && signal.Person.Title is { Length: > 0 } t ? title(t, TitleMax) : null;
        return signal.Type switch
        {
            SignalType.NewHire when role is not null => $"{person} joined {account} as {role}",
            SignalType.NewHire => $"{person} joined {account}",
            SignalType.JobChange when role is not null => $"Past {RelationshipWord(signal.Person.Relationship)} {person} joined {account} as {role}",
            SignalType.JobChange => $"Past {RelationshipWord(signal.Person.Relationship)} {person} joined {account}",
            SignalType.Promotion when role is not null => $"{person} was promoted to {role} at {account}",
            SignalType.Promotion => $"{person} was promoted at {account}",
            SignalType.ContactLeft => $"{person} left {account}",
            _ => $"{person} at {account}",
        };
    }

    private static string Cut(string text, int max) => UntrustedText.Truncate(UntrustedText.Line(text), max);

    private static string RelationshipWord(PersonRelationship? relationship) => relationship switch
    {
        PersonRelationship.Champion => "champion",
        PersonRelationship.Buyer => "buyer",
        PersonRelationship.User => "user",
        PersonRelationship.Prospect => "prospect",
        _ => "contact",
    };
}
