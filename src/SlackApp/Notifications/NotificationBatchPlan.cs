using System.Collections.Concurrent;
using System.Data.Common;
using SlackApp.Signals;

namespace SlackApp.Notifications;

/// <summary>
/// The planner's answer for a batch of matched signals: each signal's deliveries, resolved and not yet stored, and
/// the signals that could not be planned. The matching worker writes the deliveries in the transaction that marks
/// the signals matched; once it commits, the delivery worker is woken.
/// </summary>
internal sealed class NotificationBatchPlan(NotificationOutbox outbox, NotificationDeliveryTrigger trigger, DeliveryTelemetry telemetry) : ISignalBatchPlan
{
    private readonly ConcurrentDictionary<long, PlannedSignal> _planned = new();
    private readonly ConcurrentDictionary<long, Exception> _failures = new();

    // Deliveries found from an earlier pass (rows there, signal not marked): the delivery worker is woken for them too.
    private volatile bool _foundEarlierDeliveries;

    // The items of the last write, counted once its transaction commits (a write rolled back and retried counts once).
    private List<ItemDecision> _written = [];

    public IReadOnlyDictionary<long, Exception> Failures => _failures;

    /// <summary>The signals planned, in row order.</summary>
    public IReadOnlyList<PlannedSignal> Planned => [.. _planned.Values.OrderBy(p => p.SignalRowId)];

    public void Add(PlannedSignal planned) => _planned[planned.SignalRowId] = planned;

    public void Fail(long signalRowId, Exception failure) => _failures[signalRowId] = failure;

    public void FoundEarlierDeliveries() => _foundEarlierDeliveries = true;

    public async Task WriteAsync(DbTransaction transaction, IReadOnlyCollection<long> signalIds, CancellationToken ct)
    {
        var planned = signalIds.Order().Select(id => _planned.GetValueOrDefault(id)).OfType<PlannedSignal>().ToList();
        var written = new List<ItemDecision>();
        _written = written;
        await outbox.AddAsync(transaction, planned, written.Add, ct);
    }

    public void Committed()
    {
        foreach (var decision in _written)
        {
            telemetry.Planned(decision);
        }

        _written = [];
        if (_foundEarlierDeliveries || !_planned.Values.All(p => p.Plan.Deliveries.Count == 0))
        {
            trigger.Wake();
        }
    }
}
