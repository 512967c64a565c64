namespace SlackApp.Slack.Payloads;

/// <summary>What <see cref="SlackRequestParser"/> made of a request body: a typed payload, an unknown kind, or a malformed body.</summary>
public abstract record SlackParseResult
{
    /// <summary>A payload this library models.</summary>
    public sealed record Parsed(SlackPayload Payload) : SlackParseResult;

    /// <summary>A well-formed request of a kind this library does not model (e.g. a legacy <c>dialog_submission</c>).</summary>
    /// <param name="Source">Where the type was found: <c>interactivity</c> or <c>events</c>.</param>
    /// <param name="Type">The <c>type</c> Slack sent (empty when there was none).</param>
    public sealed record Unknown(string Source, string Type) : SlackParseResult;

    /// <summary>The body could not be read; <paramref name="Reason"/> is safe to send back (HTTP 400).</summary>
    public sealed record Malformed(string Reason) : SlackParseResult;
}
