namespace SlackApp.Notifications;

/// <summary>
/// The outbox's depth for the gauges, read from the database at most once per <see cref="MaxAge"/> however often
/// metrics are collected, and never inside a collection: a collection that finds the sample old starts a refresh in the
/// background and reports the sample it has (so a scrape sees figures at most one refresh old; the first sees none).
/// </summary>
public sealed class OutboxDepthSampler(NotificationOutbox outbox, TimeProvider clock, ILogger<OutboxDepthSampler> logger)
{
    /// <summary>How old a sample may be before a collection refreshes it.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private OutboxDepth? _latest;
    private long _takenAtTicks;
    private int _refreshing;

    /// <summary>The latest sample, or null before the first; starts a refresh when it is old.</summary>
    public OutboxDepth? Read()
    {
        if (clock.GetUtcNow().UtcTicks - Volatile.Read(ref _takenAtTicks) >= MaxAge.Ticks && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(() => RefreshAsync(CancellationToken.None));
        }

        return Volatile.Read(ref _latest);
    }

    /// <summary>Takes a sample now (one indexed query over the waiting rows).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var depth = await outbox.DepthAsync(cancellationToken);
            Volatile.Write(ref _latest, depth);
            Volatile.Write(ref _takenAtTicks, clock.GetUtcNow().UtcTicks);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The gauges keep the last sample; readiness reports the database itself.
            logger.LogWarning(e, "Could not sample the outbox's depth");
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}

/// <summary>Items waiting in the outbox, and how long the oldest due one has been due (null when none is due).</summary>
public sealed record OutboxDepth(long Waiting, TimeSpan? OldestDueAge);
