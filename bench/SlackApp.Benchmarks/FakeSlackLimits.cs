using System.Diagnostics;

namespace SlackApp.Benchmarks;

/// <summary>Which of Slack's limits refused a message.</summary>
internal enum SlackLimit
{
    None,
    Channel,
    Workspace,
}

/// <summary>
/// Slack's limits on <c>chat.postMessage</c> as the fake enforces them: about 1 message per second per channel "with
/// short bursts" (a token bucket of rate 1/s holding 2), and 50 per second per workspace (rate 50/s, holding 50).
/// A message takes a token from both or from neither, as Slack counts only what it posts.
/// </summary>
internal sealed class FakeSlackLimits
{
    public const double ChannelPerSecond = 1;
    public const double ChannelBurst = 2;
    public const double WorkspacePerSecond = 50;
    public const double WorkspaceBurst = 50;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _workspaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), Bucket> _channels = [];

    public SlackLimit TryTake(string workspace, string channel)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var team = Get(_workspaces, workspace, WorkspaceBurst);
            var conversation = Get(_channels, (workspace, channel), ChannelBurst);
            team.Refill(now, WorkspacePerSecond, WorkspaceBurst);
            conversation.Refill(now, ChannelPerSecond, ChannelBurst);
            if (conversation.Tokens < 1)
            {
                return SlackLimit.Channel;
            }

            if (team.Tokens < 1)
            {
                return SlackLimit.Workspace;
            }

            conversation.Tokens--;
            team.Tokens--;
            return SlackLimit.None;
        }
    }

    private static Bucket Get<TKey>(Dictionary<TKey, Bucket> buckets, TKey key, double burst)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket { Tokens = burst, At = Stopwatch.GetTimestamp() };
            buckets[key] = bucket;
        }

        return bucket;
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long At { get; set; }

        public void Refill(long now, double perSecond, double capacity)
        {
            Tokens = Math.Min(capacity, Tokens + (Stopwatch.GetElapsedTime(At, now).TotalSeconds * perSecond));
            At = now;
        }
    }
}
