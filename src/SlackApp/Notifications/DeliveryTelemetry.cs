using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SlackApp.Notifications;

/// <summary>
/// What planning and delivery measure: items planned (by how they were decided), sent, failed (by Slack's error),
/// retried, suppressed (by reason), Slack's 429s and the current pace per workspace, the outbox's depth and the age of
/// its oldest due item; and the span around each <c>chat.postMessage</c>, in its signal's trace.
/// </summary>
/// <remarks>Tags are bounded: a status, a reason or error code, a workspace (as many as are installed); never a user or signal.</remarks>
public sealed class DeliveryTelemetry
{
    public const string Name = "SlackApp.Notifications";

    /// <summary>Spans around each message sent.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _planned;
    private readonly Counter<long> _suppressed;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _rateLimited;

    public DeliveryTelemetry(IMeterFactory meters, DeliveryPacer pacer, OutboxDepthSampler outbox)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(pacer);
        ArgumentNullException.ThrowIfNull(outbox);
        var meter = meters.Create(Name);
        _planned = meter.CreateCounter<long>("slackapp.notifications.planned", "{item}", "Items written by the planner, by status (pending, held, suppressed, undeliverable).");
        _suppressed = meter.CreateCounter<long>("slackapp.notifications.suppressed", "{item}", "Items not sent at all, by reason.");
        _sent = meter.CreateCounter<long>("slackapp.notifications.sent", "{item}", "Items Slack accepted (a digest message counts each item it carries).");
        _failed = meter.CreateCounter<long>("slackapp.notifications.failed", "{item}", "Items that ended failed, by Slack's error (or the app's reason).");
        _retried = meter.CreateCounter<long>("slackapp.notifications.retried", "{item}", "Items put back to try again after a transient failure, by error.");
        _rateLimited = meter.CreateCounter<long>("slackapp.notifications.rate_limited", "{response}", "Slack's 429 answers to chat.postMessage, by workspace.");
        meter.CreateObservableGauge(
            "slackapp.notifications.workspace_pace",
            () => pacer.Paces().Select(p => new Measurement<double>(p.PerSecond, new KeyValuePair<string, object?>("slack.team_id", p.TeamId))),
            "{message}/s",
            "The current send pace per workspace: the ceiling, or less after a 429.");
        meter.CreateObservableGauge(
            "slackapp.notifications.outbox.depth",
            () => outbox.Read() is { } depth ? [new Measurement<long>(depth.Waiting)] : Array.Empty<Measurement<long>>(),
            "{item}",
            "Items waiting to be sent (due or not), sampled at most every few seconds.");
        meter.CreateObservableGauge(
            "slackapp.notifications.outbox.oldest_due_age",
            () => outbox.Read() is { OldestDueAge: { } age } ? [new Measurement<double>(age.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s",
            "How long the oldest due item has been due, sampled at most every few seconds.");
    }

    internal void Planned(ItemDecision decision)
    {
        _planned.Add(1, new KeyValuePair<string, object?>("status", decision.Status));
        if (decision.SuppressedReason is { } reason)
        {
            _suppressed.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Sent(int items) => _sent.Add(items);

    public void Failed(int items, string error) => _failed.Add(items, new KeyValuePair<string, object?>("error", error));

    public void Retried(int items, string error) => _retried.Add(items, new KeyValuePair<string, object?>("error", error));

    public void RateLimited(string teamId) => _rateLimited.Add(1, new KeyValuePair<string, object?>("slack.team_id", teamId));

    /// <summary>A span around one send, continuing the trace its (leading) signal was received in.</summary>
    public static Activity? StartSend(OutboxDelivery delivery, int items)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var parent = delivery.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var activity = Source.StartActivity("notifications.send", ActivityKind.Internal, parent);
        activity?.SetTag("slack.team_id", delivery.TeamId);
        activity?.SetTag("notification.delivery_id", delivery.Id);
        activity?.SetTag("notification.items", items);
        return activity;
    }
}
