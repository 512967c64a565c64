using System.Threading.RateLimiting;

namespace SlackApp.Notifications;

/// <summary>
/// A token bucket <see cref="RateLimiter"/> that reads time from a <see cref="TimeProvider"/> (the in-box
/// <see cref="TokenBucketRateLimiter"/> reads the real clock, even when replenished by hand), so pacing follows the
/// app's clock and a fake one in tests. It never queues: a refused lease carries <see cref="MetadataName.RetryAfter"/>.
/// </summary>
internal sealed class ClockedTokenBucket : RateLimiter
{
    private readonly TimeProvider _clock;
    private readonly int _limit;
    private readonly double _perSecond;
    private readonly Lock _lock = new();
    private double _tokens;
    private DateTimeOffset _updatedAt;

    public ClockedTokenBucket(int burst, double perSecond, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _clock = clock;
        _limit = burst;
        _perSecond = perSecond;
        _tokens = burst;
        _updatedAt = clock.GetUtcNow();
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return _tokens >= _limit ? _clock.GetUtcNow() - _updatedAt : null;
            }
        }
    }

    /// <summary>How long until a permit is available (zero when one is).</summary>
    public TimeSpan WaitForPermit()
    {
        lock (_lock)
        {
            Refill();
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
        lock (_lock)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                return Lease.Acquired;
            }

            return new Lease(false, TimeSpan.FromSeconds((permitCount - _tokens) / _perSecond));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = _clock.GetUtcNow();
        if (now > _updatedAt)
        {
            _tokens = Math.Min(_limit, _tokens + (now - _updatedAt).TotalSeconds * _perSecond);
            _updatedAt = now;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
