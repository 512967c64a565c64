using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Slack.Tests.Telemetry;

/// <summary>Records the platform meter's measurements from one app's meter factory, and awaits one recorded after the answer.</summary>
internal sealed class SlackMetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = new();
    private readonly ConcurrentBag<(string Instrument, TaskCompletionSource Seen)> _waiting = [];

    public SlackMetricCapture(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == SlackTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i.Name, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i.Name, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> TagsOf(string instrument) =>
        [.. _measured.Where(m => m.Instrument == instrument).Select(m => m.Tags)];

    public Task WaitForAsync(string instrument)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((instrument, seen));
        if (_measured.Any(m => m.Instrument == instrument))
        {
            seen.TrySetResult();
        }

        return seen.Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => _listener.Dispose();

    private void Add(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _measured.Enqueue((instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        foreach (var (name, seen) in _waiting)
        {
            if (name == instrument)
            {
                seen.TrySetResult();
            }
        }
    }
}
