using System.Collections.Concurrent;

namespace SlackApp.Data;

/// <summary>
/// When each background worker's loop last came round, for readiness: a worker that has not been seen for three of its
/// own intervals and a minute (a slow pass) is stale. A worker that never ran here (not registered) is not listed.
/// </summary>
public sealed class WorkerHeartbeats(TimeProvider clock)
{
    private static readonly TimeSpan SlowPass = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, WorkerHeartbeat> _beats = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="worker"/> came round now, and how long it may sleep before it comes round again.</summary>
    public void Beat(string worker, TimeSpan interval) => _beats[worker] = new WorkerHeartbeat(worker, clock.GetUtcNow(), interval);

    /// <summary>Every worker seen, with whether it is stale now.</summary>
    public IReadOnlyList<(WorkerHeartbeat Heartbeat, bool Stale)> Read()
    {
        var now = clock.GetUtcNow();
        return [.. _beats.Values.OrderBy(b => b.Worker, StringComparer.Ordinal).Select(b => (b, now - b.LastSeen > (b.Interval * 3) + SlowPass))];
    }
}

/// <summary>A worker's last round: when, and the longest it sleeps between rounds.</summary>
public sealed record WorkerHeartbeat(string Worker, DateTimeOffset LastSeen, TimeSpan Interval);
