using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SlackApp.Tests.Operations;

/// <summary>
/// Records the measurements of one app's meters (those its <see cref="IMeterFactory"/> made, so tests running at the
/// same time do not mix), and lets a test await one that is recorded after the answer it got.
/// </summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();
    private readonly ConcurrentBag<(Func<Measured, bool> Match, TaskCompletionSource<Measured> Seen)> _waiting = [];

    public MetricCapture(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name.StartsWith("SlackApp.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measured> Of(string instrument) => [.. _measured.Where(m => m.Instrument == instrument)];

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tag <paramref name="tag"/> is <paramref name="value"/> (all when null).</summary>
    public double Sum(string instrument, string? tag = null, string? value = null) =>
        Of(instrument).Where(m => tag is null || Equals(m.Tags.GetValueOrDefault(tag)?.ToString(), value)).Sum(m => m.Value);

    /// <summary>Completes with the first measurement of <paramref name="instrument"/> matching <paramref name="match"/>, already recorded or not.</summary>
    public Task<Measured> WaitForAsync(string instrument, Func<Measured, bool>? match = null)
    {
        bool Matches(Measured m) => m.Instrument == instrument && (match?.Invoke(m) ?? true);
        var seen = new TaskCompletionSource<Measured>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((Matches, seen));
        if (_measured.FirstOrDefault(Matches) is { } already)
        {
            seen.TrySetResult(already);
        }

        return seen.Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Reads the observable gauges now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var measured = new Measured(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
        _measured.Enqueue(measured);
        foreach (var (match, seen) in _waiting)
        {
            if (match(measured))
            {
                seen.TrySetResult(measured);
            }
        }
    }
}

internal sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.GetValueOrDefault(name)?.ToString();
}
