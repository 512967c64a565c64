using Microsoft.AspNetCore.Http;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Telemetry;

/// <summary>The kind of Slack request an HTTP request turned out to be, once parsed, for the ack latency measured around it.</summary>
public sealed record SlackRequestKindFeature(SlackRequestKind Kind)
{
    /// <summary>Marks <paramref name="http"/> with the kind of <paramref name="parsed"/>, when it is one listeners handle.</summary>
    internal static void Mark(HttpContext http, SlackParseResult parsed)
    {
        if (parsed is SlackParseResult.Parsed { Payload: var payload } && SlackRequestKind.Of(payload) is { } kind)
        {
            http.Features.Set(new SlackRequestKindFeature(kind));
        }
    }
}
