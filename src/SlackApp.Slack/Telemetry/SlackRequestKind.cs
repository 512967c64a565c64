using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Telemetry;

/// <summary>What a Slack request is, as metrics and spans name it: a handful of values, so tags stay bounded.</summary>
public sealed record SlackRequestKind(string Wire)
{
    public static readonly SlackRequestKind Command = new("command");
    public static readonly SlackRequestKind Action = new("action");
    public static readonly SlackRequestKind ViewSubmission = new("view_submission");
    public static readonly SlackRequestKind ViewClosed = new("view_closed");
    public static readonly SlackRequestKind Event = new("event");
    public static readonly SlackRequestKind Options = new("options");
    public static readonly SlackRequestKind Shortcut = new("shortcut");

    /// <summary>The kind of a parsed request listeners handle; null for anything else (malformed, unknown, housekeeping).</summary>
    public static SlackRequestKind? Of(SlackParseResult parsed) => parsed is SlackParseResult.Parsed { Payload: var payload } ? Of(payload) : null;

    /// <summary>The kind of a payload listeners handle; null for Slack's own housekeeping (url_verification, ssl_check, ...).</summary>
    public static SlackRequestKind? Of(SlackPayload payload) => payload switch
    {
        SlashCommand => Command,
        BlockActionsPayload => Action,
        ViewSubmissionPayload => ViewSubmission,
        ViewClosedPayload => ViewClosed,
        EventCallbackPayload => Event,
        BlockSuggestionPayload => Options,
        ShortcutPayload => Shortcut,
        _ => null,
    };
}
