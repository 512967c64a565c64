using System.Text.RegularExpressions;

namespace SlackApp.Slack.Routing;

/// <summary>Which slash commands a listener takes: the command (case-insensitive), and optionally what was typed after it.</summary>
public sealed record CommandConstraints(ListenerId Command)
{
    /// <summary>Matched against the command's text, trimmed.</summary>
    public ListenerId? Text { get; init; }

    public static implicit operator CommandConstraints(string command) => new(ListenerId.ExactIgnoringCase(command));

    public static implicit operator CommandConstraints(Regex command) => new(ListenerId.Pattern(command));

    public bool Matches(string? command, string? text) =>
        Command.Matches(command) && (Text is null || Text.Matches((text ?? string.Empty).Trim()));

    public override string ToString() => Text is null ? $"{Command}" : $"{Command} with text {Text}";
}
