using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SlackApp.Slack.Routing;

/// <summary>Event de-duplication for a single instance; several instances need a shared store instead.</summary>
public sealed class InMemoryEventDeduplicator : IEventDeduplicator
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _window;
    private long _lastPruneTicks;

    public InMemoryEventDeduplicator(TimeProvider timeProvider, IOptions<SlackRoutingOptions> options)
    {
        _timeProvider = timeProvider;
        _window = options.Value.EventDeduplicationWindow;
        _lastPruneTicks = timeProvider.GetUtcNow().UtcTicks;
    }

    /// <summary>How many event ids are held (tests check that expired ones are dropped).</summary>
    internal int Count => _seen.Count;

    public ValueTask<bool> TryRegisterAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = _timeProvider.GetUtcNow();
        PruneIfDue(now);

        var registered = false;
        _seen.AddOrUpdate(
            eventId,
            _ =>
            {
                registered = true;
                return now;
            },
            (_, seenAt) =>
            {
                // An entry older than the window is a new delivery of a reused id, not a retry.
                registered = now - seenAt >= _window;
                return registered ? now : seenAt;
            });
        return ValueTask.FromResult(registered);
    }

    public ValueTask ForgetAsync(string eventId, CancellationToken cancellationToken)
    {
        _seen.TryRemove(eventId, out _);
        return ValueTask.CompletedTask;
    }

    private void PruneIfDue(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last < PruneInterval.Ticks || Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (eventId, seenAt) in _seen)
        {
            if (now - seenAt >= _window)
            {
                _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(eventId, seenAt));
            }
        }
    }
}
