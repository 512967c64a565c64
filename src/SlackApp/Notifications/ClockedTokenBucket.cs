using System.Threading.RateLimiting;

namespace SlackApp.Notifications;

/// <summary>
/// A <see cref="TokenBucketRateLimiter"/> refilled by a <see cref="TimeProvider"/> instead of its own timer, so
/// pacing follows the app's clock (and a fake one in tests). Never waits: it says when the next token is due.
/// </summary>
internal sealed class ClockedTokenBucket : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _period;
    private readonly int _limit;
    private DateTimeOffset _refilledAt;

    public ClockedTokenBucket(int burst, double perSecond, TimeProvider clock)
    {
        _clock = clock;
        _limit = burst;
        _period = TimeSpan.FromSeconds(1 / perSecond);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = _period,
            AutoReplenishment = false,
            QueueLimit = 0,
        });
        _refilledAt = clock.GetUtcNow();
    }

    /// <summary>True when a token is available now (without taking it).</summary>
    public bool HasToken()
    {
        Refill();
        return _bucket.GetStatistics()?.CurrentAvailablePermits > 0;
    }

    /// <summary>Takes a token; false when none is left.</summary>
    public bool TryTake()
    {
        Refill();
        using var lease = _bucket.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    /// <summary>When the next token arrives.</summary>
    public DateTimeOffset NextTokenAt => _refilledAt + _period;

    /// <summary>True when the bucket is full: forgetting it changes nothing.</summary>
    public bool IsIdle
    {
        get
        {
            Refill();
            return _bucket.GetStatistics()?.CurrentAvailablePermits >= _limit;
        }
    }

    public void Dispose() => _bucket.Dispose();

    private void Refill()
    {
        var now = _clock.GetUtcNow();
        if (now < _refilledAt + _period)
        {
            return;
        }

        var periods = (long)((now - _refilledAt) / _period);
        // Without auto-replenishment each call adds TokensPerPeriod, capped at the limit.
        for (var i = 0; i < Math.Min(periods, _limit); i++)
        {
            _bucket.TryReplenish();
        }

        _refilledAt += _period * periods;
    }
}
