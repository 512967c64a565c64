using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SlackApp.Signals;

/// <summary>
/// What the signal intake and matching measure: signals received, accepted, refused (by reason) and the lag from
/// receipt to matched; and the spans that carry a signal's trace from <c>POST /signals</c> across the queue.
/// </summary>
public sealed class SignalTelemetry
{
    public const string Name = "SlackApp.Signals";

    /// <summary>Spans of the intake and of matching.</summary>
    public static readonly ActivitySource Source = new(Name);

    // Seconds, from a woken worker's fraction of a second to a backlog of an hour.
    private static readonly InstrumentAdvice<double> Lag = new() { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] };

    private readonly Counter<long> _received;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _matchingLag;

    public SignalTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        _received = meter.CreateCounter<long>("slackapp.signals.received", "{signal}", "Valid signals received (newly stored or repeated ids).");
        _accepted = meter.CreateCounter<long>("slackapp.signals.accepted", "{signal}", "Signals newly stored for matching.");
        _refused = meter.CreateCounter<long>("slackapp.signals.refused", "{request}", "Signal requests refused, nothing stored, by reason.");
        _matchingLag = meter.CreateHistogram<double>("slackapp.signals.matching.lag", "s", "From a signal's receipt to its matching written.", tags: null, advice: Lag);
    }

    public void Stored(SignalIntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _received.Add(result.Accepted + result.Duplicates);
        _accepted.Add(result.Accepted);
    }

    /// <summary>Counts a refused request; <paramref name="reason"/> is one of a few fixed words (e.g. <c>bad_signature</c>).</summary>
    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Matched(TimeSpan lag) => _matchingLag.Record(Math.Max(0, lag.TotalSeconds));

    /// <summary>A span continuing the trace a signal was received in (<paramref name="traceParent"/>), or a new one when it has none.</summary>
    public static Activity? StartInTrace(string name, string? traceParent, IEnumerable<ActivityLink>? links = null) =>
        Source.StartActivity(name, ActivityKind.Internal, ParentOf(traceParent), links: links);

    /// <summary>A link to the trace a signal was received in, when it was traced.</summary>
    public static ActivityLink? LinkTo(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? new ActivityLink(context) : null;

    private static ActivityContext ParentOf(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
}
