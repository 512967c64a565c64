namespace SlackApp.Slack.Blocks;

/// <summary>A number field (input blocks only); numbers travel as strings, Slack checks the bounds on submit.</summary>
public sealed record NumberInput : InteractiveElement
{
    /// <summary>Whether decimals are accepted; required by Slack.</summary>
    public required bool IsDecimalAllowed { get; init; }

    public string? InitialValue { get; init; }

    public string? MinValue { get; init; }

    public string? MaxValue { get; init; }

    /// <summary>Shown until a number is typed (plain text, max 150 chars).</summary>
    public PlainText? Placeholder { get; init; }

    /// <summary>Focuses the element when the view opens; at most one element per view.</summary>
    public bool? FocusOnLoad { get; init; }
}
