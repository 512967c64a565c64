using Microsoft.Extensions.Options;

namespace SlackApp.Notifications;

/// <summary>
/// Keeps sends within Slack's limits: a token bucket per channel and one per workspace, and a hold on a whole
/// workspace after Slack answered 429 with <c>Retry-After</c>. Decides, never waits: a paced delivery is put back
/// until the time it names.
/// </summary>
public sealed class DeliveryPacer(TimeProvider clock, IOptions<NotificationOptions> options) : IDisposable
{
    private const int MaxChannels = 10_000;

    private readonly NotificationOptions _options = options.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ClockedTokenBucket> _workspaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ClockedTokenBucket> _channels = [];
    private readonly Dictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);

    /// <summary>Takes a send slot for <paramref name="channel"/> of <paramref name="teamId"/>: null when it may go now, else when to try again.</summary>
    public DateTimeOffset? TryTake(string teamId, string channel)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_holds.TryGetValue(teamId, out var until))
            {
                if (until > now)
                {
                    return until;
                }

                _holds.Remove(teamId);
            }

            var workspace = Bucket(_workspaces, teamId, _options.WorkspaceBurst, _options.WorkspaceMessagesPerSecond);
            var conversation = Bucket(_channels, (teamId, channel), _options.ChannelBurst, _options.ChannelMessagesPerSecond);
            // Both or neither: a token taken from one bucket while the other says no would be wasted.
            var wait = Max(workspace.WaitForPermit(), conversation.WaitForPermit());
            if (wait > TimeSpan.Zero)
            {
                return now + wait;
            }

            using var workspaceLease = workspace.AttemptAcquire();
            using var channelLease = conversation.AttemptAcquire();
            return null;
        }
    }

    /// <summary>Holds every send to the workspace back until <paramref name="until"/> (Slack's <c>Retry-After</c>).</summary>
    public void Hold(string teamId, DateTimeOffset until)
    {
        lock (_lock)
        {
            if (!_holds.TryGetValue(teamId, out var current) || current < until)
            {
                _holds[teamId] = until;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var bucket in _workspaces.Values.Concat(_channels.Values))
            {
                bucket.Dispose();
            }

            _workspaces.Clear();
            _channels.Clear();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private ClockedTokenBucket Bucket<TKey>(Dictionary<TKey, ClockedTokenBucket> buckets, TKey key, int burst, double perSecond)
        where TKey : notnull
    {
        if (buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        if (buckets.Count >= MaxChannels)
        {
            // Full buckets carry no state worth keeping.
            foreach (var idle in buckets.Where(b => b.Value.IdleDuration is not null).ToList())
            {
                idle.Value.Dispose();
                buckets.Remove(idle.Key);
            }
        }

        bucket = new ClockedTokenBucket(burst, perSecond, clock);
        buckets[key] = bucket;
        return bucket;
    }
}
