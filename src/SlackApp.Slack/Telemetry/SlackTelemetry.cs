using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SlackApp.Slack.Telemetry;

/// <summary>The platform layer's metrics and traces: acks to Slack, Web API calls, 429s.</summary>
/// <remarks>
/// Plain System.Diagnostics, so the platform takes no dependency on an exporter; the host decides what is collected.
/// Tags are bounded: a request kind, a Web API method, Slack's error code; never a user, channel or team.
/// </remarks>
public sealed class SlackTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "SlackApp.Slack";

    /// <summary>Spans around each Slack request's listener and each Web API call.</summary>
    public static readonly ActivitySource Source = new(Name);

    // Seconds: Slack's 3-second ack deadline and a Web API call sit well inside these (the SDK's default buckets are milliseconds').
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30] };

    private readonly Histogram<double> _ackDuration;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _rateLimited;

    public SlackTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        _ackDuration = meter.CreateHistogram<double>(
            "slackapp.slack.ack.duration", "s", "From a Slack request's receipt to its acknowledgement written, by request kind.", tags: null, advice: Seconds);
        _apiDuration = meter.CreateHistogram<double>(
            "slackapp.slack.api.duration", "s", "Web API calls, retries included, by method and outcome (ok or Slack's error).", tags: null, advice: Seconds);
        _rateLimited = meter.CreateCounter<long>(
            "slackapp.slack.api.rate_limited", "{call}", "Web API calls Slack answered with 429 (or ratelimited) once retries were spent, by method.");
    }

    /// <summary>Records how long Slack waited for the answer to a request of <paramref name="kind"/>.</summary>
    public void AckWritten(SlackRequestKind kind, TimeSpan elapsed) =>
        _ackDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("slack.request.kind", kind.Wire));

    /// <summary>Records a Web API call's duration and outcome (<c>ok</c>, or Slack's error code).</summary>
    public void ApiCalled(string method, string outcome, TimeSpan elapsed) =>
        _apiDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("slack.method", method),
            new KeyValuePair<string, object?>("slack.outcome", outcome));

    /// <summary>Counts a call Slack rate-limited.</summary>
    public void RateLimited(string method) => _rateLimited.Add(1, new KeyValuePair<string, object?>("slack.method", method));
}
