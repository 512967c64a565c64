using System.Text.RegularExpressions;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Which ids a listener accepts (an action_id, a callback_id, a command name...): one exact value, a pattern, or a
/// predicate. Built implicitly from a string or a <see cref="Regex"/>, so each listener kind has one registration method.
/// </summary>
public sealed class ListenerId
{
    private readonly Func<string, bool> _matches;
    private readonly string _description;

    private ListenerId(Func<string, bool> matches, string description)
    {
        _matches = matches;
        _description = description;
    }

    /// <summary>Exactly <paramref name="value"/> (ordinal).</summary>
    public static ListenerId Exact(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new(id => string.Equals(id, value, StringComparison.Ordinal), $"'{value}'");
    }

    /// <summary>Exactly <paramref name="value"/>, ignoring case (slash command names).</summary>
    public static ListenerId ExactIgnoringCase(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new(id => string.Equals(id, value, StringComparison.OrdinalIgnoreCase), $"'{value}'");
    }

    /// <summary>Any id <paramref name="regex"/> matches.</summary>
    public static ListenerId Pattern(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return new(regex.IsMatch, $"/{regex}/");
    }

    /// <summary>Any id <paramref name="predicate"/> accepts; <paramref name="description"/> names it in logs.</summary>
    public static ListenerId Where(Func<string, bool> predicate, string description)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrEmpty(description);
        return new(predicate, description);
    }

    public static implicit operator ListenerId(string value) => Exact(value);

    public static implicit operator ListenerId(Regex regex) => Pattern(regex);

    /// <summary>Whether <paramref name="id"/> is accepted; a missing id never is.</summary>
    public bool Matches(string? id) => id is not null && _matches(id);

    public override string ToString() => _description;
}
